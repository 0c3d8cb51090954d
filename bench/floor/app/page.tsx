// The floor's static page: prerendered at build time, served from Next's cache as every cached
// page is. Text of a small page's size class (about 20 KB of HTML plus its RSC payload).
const ITEMS = Array.from({ length: 60 }, (_, i) => ({
  id: i,
  title: `Session ${i + 1}: a talk on clean skies and the air we share`,
  text: "Speakers from three countries on what changed, what did not, and what comes next; questions from the audience at the end.",
}));

export default function Page() {
  return (
    <main>
      <h1>Floor</h1>
      <ul>
        {ITEMS.map((item) => (
          <li key={item.id} data-testid="floor-item">
            <h2>{item.title}</h2>
            <p>{item.text}</p>
          </li>
        ))}
      </ul>
    </main>
  );
}
