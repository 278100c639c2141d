/** `/clusters/:region/:clusterId/initialize`: the guided initialize flow (being built). */
export function InitializeClusterPage() {
  return <h2 className="text-lg font-medium">Initialize cluster</h2>;
}
