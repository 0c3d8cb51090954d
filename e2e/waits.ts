// How long a click that goes to another page may take to arrive there. Such a page is rendered per
// request, and beside the accessibility sweep on two cores a render has taken over 10 s: a wait,
// not a speed limit (speed is measured in bench/).
export const NAVIGATION = { timeout: 30_000 };
