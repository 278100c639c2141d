// @vitest-environment happy-dom
/** Form fields: label, help and problems reach the control as its name and description; the error wins and is announced once. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Input, Select, Textarea } from './controls';
import { FormField, useFormFieldControl } from './FormField';
import { RadioGroupField } from './RadioGroupField';

afterEach(cleanup);

/** The control's description as assistive tech reads it: the texts of its aria-describedby ids, in order. */
const description = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent)
    .join(' | ');

describe('FormField', () => {
  it('names the control by its label and describes it by its help', () => {
    render(
      <FormField label="Backup retention" description="How long AWS keeps backups." constraintText="7 to 379 days.">
        <Input inputMode="numeric" />
      </FormField>,
    );
    const input = screen.getByRole('textbox', { name: 'Backup retention' });
    expect(description(input)).toBe('How long AWS keeps backups. | 7 to 379 days.');
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });

  it('an error marks the control invalid, comes first in its description, and wins over a warning', () => {
    render(
      <FormField label="Days" description="Backup retention." errorText="Enter a number from 7 to 379." warningText="Short retention">
        <Input />
      </FormField>,
    );
    const input = screen.getByRole('textbox', { name: 'Days' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(description(input)).toBe('Enter a number from 7 to 379. | Backup retention.');
    expect(screen.queryByText('Short retention')).toBeNull();
  });

  it('a warning alone describes the control but does not make it invalid', () => {
    render(
      <FormField label="Days" warningText="Backups older than 7 days will be deleted.">
        <Input />
      </FormField>,
    );
    const input = screen.getByRole('textbox', { name: 'Days' });
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(description(input)).toBe('Backups older than 7 days will be deleted.');
  });

  it('announces an error once, through the live region that was already there (no role=alert on top)', () => {
    function Field() {
      const [value, setValue] = useState('');
      return (
        <FormField label="Name" errorText={value === 'bad' ? 'Not allowed' : undefined}>
          <Input value={value} onChange={(e) => setValue(e.target.value)} />
        </FormField>
      );
    }
    const { container } = render(<Field />);
    const region = container.querySelector('[aria-live="assertive"]')!;
    expect(region.textContent).toBe('');
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'bad' } });
    expect(region.textContent).toBe('Not allowed');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('stays quiet when the page has an error summary of its own', () => {
    const { container } = render(
      <FormField label="Name" errorText="Required" announceError={false}>
        <Input />
      </FormField>,
    );
    expect(container.querySelector('[aria-live]')).toBeNull();
    expect(description(screen.getByRole('textbox', { name: 'Name' }))).toBe('Required');
  });

  it('marks a required field for sight and for assistive tech, without saying it twice in the name', () => {
    render(
      <FormField label="Cluster name" required>
        <Input />
      </FormField>,
    );
    const input = screen.getByRole('textbox', { name: 'Cluster name' });
    expect(input.getAttribute('aria-required')).toBe('true');
    expect(screen.getByText('(required)')).toBeTruthy();
  });

  it('uses the given control id, wires selects and text areas too, and keeps a control’s own description', () => {
    render(
      <>
        <p id="own">Own hint.</p>
        <FormField label="HSM type" controlId="hsm-type" description="The hardware generation.">
          <Select aria-describedby="own">
            <option>hsm2m.medium</option>
          </Select>
        </FormField>
        <FormField label="Certificate">
          <Textarea />
        </FormField>
      </>,
    );
    const select = screen.getByRole('combobox', { name: 'HSM type' });
    expect(select.id).toBe('hsm-type');
    expect(description(select)).toBe('The hardware generation. | Own hint.');
    expect(screen.getByRole('textbox', { name: 'Certificate' })).toBeTruthy();
  });

  it('any element can join a field with useFormFieldControl, and a control alone keeps its own aria', () => {
    function Custom() {
      return <input type="range" {...useFormFieldControl()} />;
    }
    render(
      <>
        <FormField label="Count" errorText="Too many">
          <Custom />
        </FormField>
        <Input aria-label="Alone" aria-invalid />
      </>,
    );
    expect(screen.getByRole('slider', { name: 'Count' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('textbox', { name: 'Alone' }).getAttribute('aria-invalid')).toBe('true');
  });
});

describe('RadioGroupField', () => {
  const options = [
    { value: 'non-fips', label: 'Non-FIPS', description: 'Any key type.' },
    { value: 'fips', label: 'FIPS', disabledReason: 'hsm1.medium supports FIPS only through a restore.' },
    { value: 'legacy', label: 'Legacy', disabled: true },
  ];

  it('is a named group of real radios; an unavailable option says why and cannot be chosen', () => {
    const onChange = vi.fn();
    render(<RadioGroupField label="Mode" description="Fixed at creation." options={options} value="non-fips" onChange={onChange} />);
    const group = screen.getByRole('radiogroup', { name: 'Mode' });
    expect(description(group)).toBe('Fixed at creation.');
    const nonFips = screen.getByRole('radio', { name: 'Non-FIPS' }) as HTMLInputElement;
    expect(nonFips.checked).toBe(true);
    expect(description(nonFips)).toBe('Any key type.');
    const fips = screen.getByRole('radio', { name: 'FIPS' }) as HTMLInputElement;
    expect(fips.disabled).toBe(true);
    expect(description(fips)).toBe('hsm1.medium supports FIPS only through a restore.');
    expect(screen.getByText('hsm1.medium supports FIPS only through a restore.')).toBeTruthy();
    fireEvent.click(fips);
    expect(onChange).not.toHaveBeenCalled();
    expect((screen.getByRole('radio', { name: 'Legacy' }) as HTMLInputElement).disabled).toBe(true);
  });

  it('reports the chosen value, and an error marks the group invalid and describes it', () => {
    const onChange = vi.fn();
    render(
      <RadioGroupField
        label="Source"
        options={options.slice(0, 1)}
        value={null}
        onChange={onChange}
        errorText="Choose a source."
        required
      />,
    );
    const group = screen.getByRole('radiogroup', { name: 'Source' });
    expect(group.getAttribute('aria-invalid')).toBe('true');
    expect(group.getAttribute('aria-required')).toBe('true');
    expect(description(group)).toBe('Choose a source.');
    fireEvent.click(screen.getByRole('radio', { name: 'Non-FIPS' }));
    expect(onChange).toHaveBeenCalledWith('non-fips');
  });

  it('gives every radio of one group the same name, so the browser’s arrow keys move within it', () => {
    render(<RadioGroupField label="Mode" name="mode" options={options} value={null} onChange={() => undefined} />);
    const names = screen.getAllByRole('radio').map((radio) => (radio as HTMLInputElement).name);
    expect(new Set(names)).toEqual(new Set(['mode']));
  });
});
