// Package websub subscribes sources to the WebSub hubs their feeds name, so
// that a publisher's push reaches Newshound within seconds instead of at the
// next poll. It is transport-light: a hub client (form POSTs through the
// http.Client it is given), the callback http.Handler (mounted under
// Prefix), and a maintenance loop, on an injected clock.
//
// Rules:
//  1. A subscription starts when a poll finds a hub (feeds.FindHub) and
//     Newshound has a public address; each gets an unguessable callback
//     path (Prefix + token) and a random secret of its own, both stored.
//  2. A subscribe or unsubscribe request is sent when due; the hub's
//     verification GET is answered with its hub.challenge only when the
//     token is known, the mode is what was asked (subscribe for a wanted
//     subscription, unsubscribe for an ended one), the topic matches and a
//     request was sent within verifyWindow; anything else gets 404.
//  3. A request the hub does not verify (or refuses) is sent again after 5
//     minutes, doubling to a day, for as long as the source exists; the
//     first retry is logged, the others are not.
//  4. A verified subscription is renewed a tenth of its lease (at most a
//     day) before the lease ends; one that lapses is requested anew, and
//     its source is polled at its normal interval until the hub verifies.
//  5. A push (POST to the callback) is accepted only for a known token,
//     with a body of at most MaxBytes and a valid X-Hub-Signature (HMAC
//     SHA-1, SHA-256, SHA-384 or SHA-512 of the body with the
//     subscription's secret, compared in constant time); then it is stored
//     as a poll of its source stores a feed (Pusher, feeds.Poller.Push).
//     An unknown callback gets 404, an ended subscription 410, an oversized
//     body 413, a missing or wrong signature 403, a signed body that is not
//     a feed 400; each kind is logged at most once a minute, and no other
//     subscription is affected.
//  6. When a source is removed or retired, its hub is told to stop
//     (unsubscribe, tried 3 times), and the subscription is forgotten.
//  7. While a hub pushes a source's feed, the poller keeps polling it at
//     the slow interval (Pushed), a safety net for lost pushes.
package websub
