export function App() {
  return <h1>Faultline</h1>;
}
