package main

import (
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"

	"github.com/newshound/newshound/config"
)

// inContainer reports whether the process runs in a Docker or Podman
// container, by the files each engine puts at the root.
func inContainer() bool {
	for _, f := range []string{"/.dockerenv", "/run/.containerenv"} {
		if _, err := os.Stat(f); err == nil {
			return true
		}
	}
	return false
}

// loopbackInContainer warns of each listen address of cfg on a loopback
// host when the bot runs in a container (container true): that is the
// container's own loopback, which `docker run -p 127.0.0.1:6397:9090` and a
// reverse proxy on the host never reach, while the image's healthcheck,
// asking from inside, says all is well. An operator who mounted a file
// written for a host (deploy/newshound.toml's "127.0.0.1:6397") saw
// connection resets and nothing in the logs.
func loopbackInContainer(cfg config.Config, container bool) []string {
	if !container {
		return nil
	}
	var out []string
	for _, l := range []struct{ key, addr string }{{"metrics.listen", cfg.Metrics.Listen}, {"telegram.webhook_listen", cfg.Telegram.WebhookListen}} {
		host, port, err := net.SplitHostPort(l.addr)
		if err != nil || host == "" {
			continue
		}
		if ip := net.ParseIP(host); (ip != nil && ip.IsLoopback()) || host == "localhost" {
			out = append(out, fmt.Sprintf("%s %q: Newshound runs in a container, whose loopback is its own (unless it runs with --network host or in a pod beside its proxy): "+
				"docker run -p and a proxy on the host do not reach it; write %q (and publish it on the host's loopback, -p 127.0.0.1:%s:%s)", l.key, l.addr, ":"+port, port, port))
		}
	}
	return out
}

// storageInContainer is err, checkStorage's refusal of the database at
// path for want of permission to the user uid, with where to run the
// chown or chmod it names when the bot runs in a container (container
// true): the image has no shell to run it in, and the folder is a volume
// or a bind mount whose owner is set on the host (a bind mount of a folder
// root made, ./data:/data, is the usual one). Root is refused only by the
// file system, and a system folder is no mount: those are left as they are.
func storageInContainer(err error, path string, container bool, uid int) error {
	dir := filepath.Dir(path)
	if !container || uid == 0 || systemFolder(dir) || !errors.Is(err, fs.ErrPermission) {
		return err
	}
	if msg := err.Error(); !strings.Contains(msg, "(chown ") && !strings.Contains(msg, "chmod ") {
		return err // no command to run (a folder this user may not enter)
	}
	return fmt.Errorf("%w; Newshound runs in a container, whose image has no shell: run that command on the host, on the folder mounted at %s "+
		"(a bind mount's own folder, or the volume's, docker volume inspect names it: its Mountpoint), or mount a named volume there, which takes the image's owner", err, dir)
}
