package bot

import "context"

// A reply goes where its command came from: the same forum topic and, in a
// group, as an answer to the command, so a busy group can tell whose it
// was. The router puts that place in the request's context once, in Handle,
// rather than through every command's signature: replies are queued from
// dozens of places, background jobs (/addsource, /import) among them.

// destination is where the replies to one update go.
type destination struct {
	chatID  int64
	thread  int // forum topic; 0 = the chat, or General
	replyTo int // the command's message id; 0 = not a reply
}

type destinationKey struct{}

// withDestination returns ctx carrying where the replies to in go.
func withDestination(ctx context.Context, in Incoming) context.Context {
	d := destination{chatID: in.ChatID, thread: in.ThreadID}
	if (in.ChatType == "group" || in.ChatType == "supergroup") && in.Callback == nil {
		d.replyTo = in.MessageID
	}
	return context.WithValue(ctx, destinationKey{}, d)
}

// destinationOf returns the topic and the message that a reply to chatID
// queued under ctx answers (zeros when ctx carries another chat's place).
func destinationOf(ctx context.Context, chatID int64) (thread, replyTo int) {
	d, ok := ctx.Value(destinationKey{}).(destination)
	if !ok || d.chatID != chatID {
		return 0, 0
	}
	return d.thread, d.replyTo
}
