package localtime

import (
	"context"
	"time"
)

// zoneKey keys the stored zone of the chat being answered in a context.
type zoneKey struct{}

// WithZone returns ctx carrying the chat's stored zone (as ParseTimezone
// stores it; "" is UTC), so that a reply composed outside bot/ (the
// operators' /status) tells times in the chat's zone.
func WithZone(ctx context.Context, name string) context.Context {
	return context.WithValue(ctx, zoneKey{}, name)
}

// ZoneFromContext returns the stored zone ctx carries, "" (UTC) when it
// carries none.
func ZoneFromContext(ctx context.Context) string {
	name, _ := ctx.Value(zoneKey{}).(string)
	return name
}

// TimeOfDay formats t as a time of day with seconds in the stored zone
// name, followed by the zone as a user recognises it: "21:05:00
// Europe/Berlin", "02:35:00 UTC+05:30", "20:05:00 UTC". A name that no
// longer loads reads as UTC (Location).
func TimeOfDay(t time.Time, name string) string {
	loc, err := LoadLocation(name)
	if err != nil || name == "" {
		return t.UTC().Format("15:04:05") + " UTC"
	}
	label := name
	if IsOffset(name) {
		label = "UTC" + name
	}
	return t.In(loc).Format("15:04:05") + " " + label
}
