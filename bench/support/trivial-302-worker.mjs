// The edge baseline: a Worker that only answers 302, no Durable Object, no storage.
export default {
  fetch() {
    return new Response(null, {
      status: 302,
      headers: { location: 'https://shop.example.com/checkout?ref=x' },
    });
  },
};
