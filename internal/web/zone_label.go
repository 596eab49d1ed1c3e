package web

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// ZoneLabel names time zone loc for people: its city and its offset from UTC on day
// at, "Berlin (UTC+1)" in winter and "Berlin (UTC+2)" in summer, instead of the
// database name "Europe/Berlin". UTC stays "UTC"; a zone without a city (a fixed
// offset) is its offset alone.
func ZoneLabel(ctx context.Context, loc *time.Location, at time.Time) string {
	name := loc.String()
	if name == "UTC" {
		return "UTC"
	}
	_, secs := at.In(loc).Zone()
	sign := "+"
	if secs < 0 {
		sign, secs = "-", -secs
	}
	off := "UTC" + sign + fmt.Sprint(secs/3600)
	if m := secs % 3600 / 60; m != 0 {
		off += fmt.Sprintf(":%02d", m)
	}
	city := name[strings.LastIndex(name, "/")+1:]
	if city == "" || !strings.Contains(name, "/") || strings.HasPrefix(name, "Etc/") {
		return LTR(ctx, off)
	}
	return LTR(ctx, strings.ReplaceAll(city, "_", " ")+" ("+off+")")
}
