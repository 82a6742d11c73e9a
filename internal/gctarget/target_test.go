package gctarget

import (
	"math"
	"testing"
)

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestApplySetsTheTargetAndPutsItBack(t *testing.T) {
	beforePercent, beforeLimit := current()
	got, restore := Apply(250, 256<<20, env(nil))
	if got.GCPercent != 250 || got.Limit != 256<<20 || got.PercentFromEnv || got.LimitFromEnv {
		t.Errorf("Apply(250, 256 MiB) = %+v, want 250 and 268435456 from the config", got)
	}
	if p, l := current(); p != 250 || l != 256<<20 {
		t.Errorf("in force after Apply: %d%%, %d bytes; want 250%%, 268435456", p, l)
	}
	restore()
	if p, l := current(); p != beforePercent || l != beforeLimit {
		t.Errorf("after restore: %d%%, %d bytes; want %d%%, %d as before", p, l, beforePercent, beforeLimit)
	}
}

func TestApplyWithoutLimitSetsNone(t *testing.T) {
	got, restore := Apply(150, 0, env(nil))
	defer restore()
	if got.Limit != math.MaxInt64 {
		t.Errorf("limit 0 left %d in force, want none (math.MaxInt64)", got.Limit)
	}
}

func TestEnvironmentWinsOverTheConfig(t *testing.T) {
	beforePercent, beforeLimit := current()
	got, restore := Apply(300, 512<<20, env(map[string]string{"GOGC": "100", "GOMEMLIMIT": "1GiB"}))
	defer restore()
	if !got.PercentFromEnv || !got.LimitFromEnv {
		t.Errorf("Apply with GOGC and GOMEMLIMIT set = %+v, want both from the environment", got)
	}
	if got.GCPercent != beforePercent || got.Limit != beforeLimit {
		t.Errorf("Apply with GOGC and GOMEMLIMIT set changed the target to %d%%, %d bytes; want %d%%, %d left as they were",
			got.GCPercent, got.Limit, beforePercent, beforeLimit)
	}
}

func TestTargetSaysWhereEachValueCameFrom(t *testing.T) {
	for _, c := range []struct {
		t    Target
		want string
	}{
		{Target{GCPercent: 200, Limit: math.MaxInt64}, "GOGC=200 GOMEMLIMIT=none"},
		{Target{GCPercent: -1, Limit: 512 << 20}, "GOGC=off GOMEMLIMIT=512MiB"},
		{Target{GCPercent: 100, Limit: 100000000, PercentFromEnv: true, LimitFromEnv: true}, "GOGC=100 (environment) GOMEMLIMIT=100000000 (environment)"},
	} {
		if got := c.t.String(); got != c.want {
			t.Errorf("%+v.String() = %q, want %q", c.t, got, c.want)
		}
	}
}
