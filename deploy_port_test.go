package main

import (
	"net"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/newshound/newshound/config"
)

// hostMetricsPort is the port every install step serves /metrics and
// /healthz on, on the host: not 9090, Prometheus's own default, where the
// systemd unit's bot was refused (exit 78) and compose's publish failed on
// a host that runs Prometheus.
const hostMetricsPort = "6397"

// The README, compose.yaml, the systemd unit and its configuration name
// one host port for /metrics (127.0.0.1:6397), and the container's side
// of compose's publish is the port the image's configuration listens on
// (EXPOSE and deploy/container.toml): the two sides differ on purpose,
// and a mismatch is a healthy container no one on the host can reach.
func TestDeployMetricsPortsAgree(t *testing.T) {
	read := func(file string) string {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	image, err := config.Load("deploy/container.toml", nil)
	if err != nil {
		t.Fatal(err)
	}
	_, inside, err := net.SplitHostPort(image.Metrics.Listen)
	if err != nil {
		t.Fatalf("deploy/container.toml metrics.listen %q: %v", image.Metrics.Listen, err)
	}
	if !strings.Contains(read("Dockerfile"), "\nEXPOSE "+inside+"\n") {
		t.Errorf("Dockerfile does not EXPOSE %s, deploy/container.toml's metrics port", inside)
	}
	publish := regexp.MustCompile(`127\.0\.0\.1:(\d+):(\d+)`)
	for _, file := range []string{"compose.yaml", "README.md"} {
		found := publish.FindAllStringSubmatch(read(file), -1)
		if len(found) == 0 {
			t.Errorf("%s publishes no metrics port on the host", file)
		}
		for _, m := range found {
			if m[1] != hostMetricsPort || m[2] != inside {
				t.Errorf("%s publishes %s; want 127.0.0.1:%s:%s (the host's port, the image's)", file, m[0], hostMetricsPort, inside)
			}
		}
	}
	unitCfg, err := config.Load("deploy/newshound.toml", nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := "127.0.0.1:" + hostMetricsPort; unitCfg.Metrics.Listen != want {
		t.Errorf("deploy/newshound.toml metrics.listen %q, want %q", unitCfg.Metrics.Listen, want)
	}
	for _, file := range []string{"deploy/newshound.service", "README.md", "config.example.toml"} {
		if !strings.Contains(read(file), "127.0.0.1:"+hostMetricsPort) {
			t.Errorf("%s does not name the host's metrics address 127.0.0.1:%s", file, hostMetricsPort)
		}
	}
	if strings.Contains(read("README.md"), `listen = "127.0.0.1:9090"`) {
		t.Error("README.md still offers metrics.listen 127.0.0.1:9090, Prometheus's own port")
	}
}
