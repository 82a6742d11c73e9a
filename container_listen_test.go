package main

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/newshound/newshound/config"
)

// A configuration written for a host (deploy/newshound.toml's metrics.listen
// "127.0.0.1:9090") mounted into the container: the listener was the
// container's own loopback, unreachable through -p, and the healthcheck
// asking from inside passed. The start warns, naming the key and ":9090".
func TestLoopbackListenInContainerIsWarned(t *testing.T) {
	cfg := config.Defaults()
	cfg.Metrics.Listen = "127.0.0.1:9090"
	cfg.Telegram.WebhookListen = "localhost:8443"
	got := loopbackInContainer(cfg, true)
	if len(got) != 2 || !strings.Contains(got[0], "metrics.listen") || !strings.Contains(got[0], `":9090"`) ||
		!strings.Contains(got[1], "telegram.webhook_listen") || !strings.Contains(got[1], `":8443"`) {
		t.Errorf("warnings %q, want metrics.listen and webhook_listen named with the address to write", got)
	}
	if got := loopbackInContainer(cfg, false); len(got) != 0 {
		t.Errorf("on a host: %q, want no warning", got)
	}
	cfg.Metrics.Listen, cfg.Telegram.WebhookListen = ":9090", "0.0.0.0:8443"
	if got := loopbackInContainer(cfg, true); len(got) != 0 {
		t.Errorf("every address: %q, want no warning", got)
	}
}

// In the container, a /data bind-mounted from a folder root made was
// refused with "chown 65532 /data", which the image (no shell) cannot
// run, and which on the host names no folder there. The error says to run
// it on the host, on the folder mounted at /data; outside a container, and
// for other errors, it is as it was.
func TestStorageRefusedInContainerSaysChownOnTheHost(t *testing.T) {
	refused := fmt.Errorf("storage.path %q: the folder /data is not writable: give the user running Newshound (uid 65532) write access to it (chown 65532 /data): %w", "/data/newshound.db", fs.ErrPermission)
	got := storageInContainer(refused, "/data/newshound.db", true, 65532).Error()
	for _, want := range []string{"chown 65532 /data", "run that command on the host, on the folder mounted at /data", "docker volume inspect"} {
		if !strings.Contains(got, want) {
			t.Errorf("error %q does not say %q", got, want)
		}
	}
	if got := storageInContainer(refused, "/data/newshound.db", false, 65532); got != refused {
		t.Errorf("outside a container: %v, want it unchanged", got)
	}
	missing := errors.New("storage.path: the folder /data does not exist")
	if got := storageInContainer(missing, "/data/newshound.db", true, 65532); got != missing {
		t.Errorf("a missing folder: %v, want it unchanged", got)
	}
	// Root is refused by the file system alone, and / is no mount.
	for _, c := range []struct {
		path string
		uid  int
	}{{"/data/newshound.db", 0}, {"/newshound.db", 65532}} {
		if got := storageInContainer(refused, c.path, true, c.uid); got != refused {
			t.Errorf("%s as uid %d: %v, want it unchanged", c.path, c.uid, got)
		}
	}
}
