package bot

import (
	"context"
	"strings"
	"testing"
	"time"
)

// "kursk ukraine" then /subscribe, then /id, in a private chat: the offer
// of /subscribe and /search answers the first message, and left after the
// answers to the two commands that followed it (a hint was queued behind
// every reply, its own chat's later ones too). A chat's answers leave in
// the order of its messages; another chat's hint still waits behind the
// replies (TestHintsQueueBehindReplies).
func TestHintKeepsItsPlaceInItsChat(t *testing.T) {
	ctx := context.Background()
	r, log, _ := newHintRouter(t)
	say(r, 7, "private", "kursk ukraine")
	say(r, 8, "private", "hello there") // another chat's hint
	say(r, 7, "private", "/subscibe kursk ukraine")
	say(r, 7, "private", "/id")
	say(r, 9, "private", "/id")
	var seven []string
	var first int64
	for range 10 {
		due, err := log.Store.DueMessages(ctx, time.Now().Add(time.Hour), 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(due) == 0 {
			break
		}
		if first == 0 {
			first = due[0].ChatID
		}
		for _, m := range due {
			if m.ChatID == 7 {
				seven = append(seven, m.Text)
			}
			if err := log.Store.MarkSent(ctx, m.ID, 1); err != nil {
				t.Fatal(err)
			}
		}
	}
	if len(seven) != 3 || !strings.Contains(seven[0], "<code>/search kursk ukraine</code>") || !strings.HasPrefix(seven[1], "I don't know /subscibe") || !strings.Contains(seven[2], "Your user id") {
		t.Fatalf("chat 7 got, in this order: %q; want the offer for its words first, then the two commands' answers", seven)
	}
	if first == 8 {
		t.Errorf("chat 8's hint left first, before the replies to commands of other chats")
	}
}
