export function ImportPage({ id }: { id: string }) {
  return <h1 tabIndex={-1}>{id}</h1>;
}
