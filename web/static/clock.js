// The server's clock as seen from here. Deadlines are server epoch ms, so every countdown
// uses serverNow() = Date.now() + offset, never a local timer alone.
//
// offset = server time − local time. A sample comes from a request sent at local time
// `sentAt` and answered (carrying the server's time `now`) at local time `receivedAt`: the server
// read its clock about half-way through the round trip. Samples with the shortest round trip
// are the most accurate, so the estimate uses the best of the last few.

const KEEP = 8;
let samples = [];
let offset = 0;

/** Adds a sample; returns the new offset in ms. */
export function addSample(serverTime, sentAt, receivedAt) {
  if (!Number.isFinite(serverTime) || !Number.isFinite(sentAt) || receivedAt < sentAt) return offset;
  const rtt = receivedAt - sentAt;
  samples = [...samples, { rtt, offset: serverTime - (sentAt + rtt / 2) }].slice(-KEEP);
  offset = Math.round(samples.reduce((best, s) => (s.rtt < best.rtt ? s : best)).offset);
  return offset;
}

export function clockOffset() {
  return offset;
}

export function serverNow() {
  return Date.now() + offset;
}

/** Milliseconds left until a server deadline (never negative). */
export function msUntil(deadline) {
  return Math.max(0, deadline - serverNow());
}
