/** `/clusters/new`: the create-cluster form (being built). */
export function CreateClusterPage() {
  return <h2 className="text-lg font-medium">Create cluster</h2>;
}
