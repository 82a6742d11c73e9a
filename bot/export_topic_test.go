package bot

import (
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
)

// A stranger's trial: an operator sent /export in a forum topic and the
// file came in General, answering nothing, while every text reply stays in
// the command's topic as an answer to it. The file goes where a reply goes.
func TestExportInATopicComesInThatTopic(t *testing.T) {
	h := newHarness(t, withOperator)
	const group, thread = -100777, 9
	exportSources(t, h)
	h.tg.SetMember(group, operator, "administrator")
	h.clock.Advance(time.Minute)
	h.queued.Add(1)
	h.tg.SendTopicText(group, thread, operator, "/export")
	testkit.WaitFor(t, "the export's file", func() bool { return len(h.tg.Documents(group)) == 1 })
	doc := h.tg.Documents(group)[0]
	if got := doc.Params.Get("message_thread_id"); got != itoa(thread) {
		t.Errorf("the file went to message_thread_id %q, want the command's topic %d", got, thread)
	}
	if replyTo(t, doc) == 0 {
		t.Errorf("the file answers nothing (reply_parameters %q), want the /export it answers", doc.Params.Get("reply_parameters"))
	}
}
