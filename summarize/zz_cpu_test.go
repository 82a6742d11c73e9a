package summarize
import ("testing";"context";"runtime";"syscall";"fmt")
func threadCPU() float64 { var ru syscall.Rusage; syscall.Getrusage(1 /*RUSAGE_THREAD*/, &ru); return float64(ru.Utime.Nano()+ru.Stime.Nano())/1e9 }
func TestZZCPU(t *testing.T){
	runtime.LockOSThread(); defer runtime.UnlockOSThread()
	var in Input
	for _, f := range loadFixtures(t) { if f.ID == "feature-lighthouse" { in = Input{Title: f.Title, Text: f.Text} } }
	s := mustNew(t, Options{})
	ctx := context.Background()
	for i:=0;i<200;i++ { s.Summarize(ctx, in) }
	n := 3000
	st := threadCPU()
	for i:=0;i<n;i++ { s.Summarize(ctx, in) }
	d := threadCPU()-st
	fmt.Printf("CPU per summary %.1fµs => %.0f summaries per CPU-second\n", d/float64(n)*1e6, float64(n)/d)
}
