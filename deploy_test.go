package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/config"
)

// TestDeployConfigsLoad keeps the configurations of the container image and
// the systemd unit valid, with the database where the volume and the
// StateDirectory are.
func TestDeployConfigsLoad(t *testing.T) {
	for file, db := range map[string]string{"deploy/container.toml": "/data/newshound.db", "deploy/newshound.toml": "/var/lib/newshound/newshound.db"} {
		cfg, err := config.Load(file, nil)
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		if cfg.Storage.Path != db || !slices.Equal(cfg.Sources, config.DefaultSources()) {
			t.Errorf("%s: storage.path %q, sources %v; want %q and the built-in sources", file, cfg.Storage.Path, cfg.Sources, db)
		}
	}
	unit, err := os.ReadFile("deploy/newshound.service")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"DynamicUser=yes", "StateDirectory=newshound", "ProtectSystem=strict", "NoNewPrivileges=yes", "Restart=on-failure"} {
		if !strings.Contains(string(unit), "\n"+want+"\n") {
			t.Errorf("deploy/newshound.service lacks %s", want)
		}
	}
}

// The install steps gave the configuration mode 0640 (root's): the unit's
// DynamicUser is no member of root's group and systemd does not hand
// ConfigurationDirectory to it, so the service could not read its file and
// never started. Every install of the configuration the README and the unit
// show lets others read it.
func TestDeployInstallLeavesTheConfigurationReadable(t *testing.T) {
	install := regexp.MustCompile(`install (?:-D )?-m (0?[0-7]{3}) \S+ /etc/newshound/newshound\.toml`)
	for _, file := range []string{"README.md", "deploy/newshound.service"} {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		found := install.FindAllStringSubmatch(string(b), -1)
		if len(found) == 0 {
			t.Errorf("%s shows no install of /etc/newshound/newshound.toml", file)
		}
		for _, m := range found {
			if mode, err := strconv.ParseUint(m[1], 8, 32); err != nil || mode&0o004 == 0 {
				t.Errorf("%s: %q leaves the configuration unreadable to the unit's dynamic user", file, m[0])
			}
		}
	}
}

// The image's build copies the whole folder (COPY . .): the token in .env
// (compose.yaml tells to put it there) or a local newshound.toml, and the
// database and log of a console run in the folder, went into the build
// stage's layers. .dockerignore keeps them out.
func TestDockerBuildLeavesSecretsAndDataOut(t *testing.T) {
	b, err := os.ReadFile(".dockerignore")
	if err != nil {
		t.Fatalf("no .dockerignore: %v", err)
	}
	var patterns []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			patterns = append(patterns, l)
		}
	}
	// Another configuration at the root (prod.toml, a trial's fake.toml)
	// holds a token as newshound.toml does: it went into the build stage's
	// layers, which may be cached and pushed.
	// The files Newshound itself leaves beside a database are a database
	// too: restore's old one (newshound.db.replaced-…, with its -wal),
	// a backup's unfinished copy, a half-made new one.
	for _, file := range []string{".env", "newshound.toml", "prod.toml", "newshound.db", "newshound.db-wal", "newshound.log", "newshound", "data/newshound.db",
		"newshound.db.replaced-20261201-054628", "newshound.db.replaced-20261201-054628-wal", "copy.db.unfinished", "newshound.db.creating", "data/newshound.db.replaced-20261201-054628"} {
		if !dockerIgnores(patterns, file) {
			t.Errorf(".dockerignore lets %s into the build", file)
		}
	}
	for _, needed := range []string{"go.mod", "main.go", "demo/news.json", "store/migrations/0001_init.sql", "scripts/build-static.sh", "deploy/container.toml", "config.example.toml"} {
		if dockerIgnores(patterns, needed) {
			t.Errorf(".dockerignore keeps %s, which the build needs, out", needed)
		}
	}
}

// dockerIgnores reports whether the .dockerignore patterns leave the file
// at path (relative to the build context) out, as Docker reads them: each
// pattern matches the whole path ("**/" at any depth), a later one wins,
// and "!" brings a file back.
func dockerIgnores(patterns []string, path string) bool {
	out := false
	for _, p := range patterns {
		keep := strings.HasPrefix(p, "!")
		p = strings.TrimPrefix(strings.TrimPrefix(p, "!"), "/")
		target := path
		if rest, ok := strings.CutPrefix(p, "**/"); ok {
			p, target = rest, filepath.Base(path)
		}
		if ok, _ := filepath.Match(p, target); ok {
			out = !keep
		}
	}
	return out
}

// TestStaticBinary checks the binary that scripts/build-static.sh built, named
// by NEWSHOUND_STATIC_BINARY (CI: scripts/build-static.sh /tmp/newshound-static
// && NEWSHOUND_STATIC_BINARY=/tmp/newshound-static go test -tags sqlite_fts5
// -run TestStaticBinary .): ldd calls it static, it prints a stamped version,
// and it runs the bot with an empty environment in an empty folder, as in the
// image's scratch stage.
func TestStaticBinary(t *testing.T) {
	bin := os.Getenv("NEWSHOUND_STATIC_BINARY")
	if bin == "" {
		t.Skip("set NEWSHOUND_STATIC_BINARY to the output of scripts/build-static.sh")
	}
	out, err := exec.Command("ldd", bin).CombinedOutput() // ldd fails on a static binary, saying so
	if !strings.Contains(string(out), "not a dynamic executable") {
		t.Fatalf("ldd %s: %v: %s", bin, err, out)
	}
	v, err := exec.Command(bin, "-version").CombinedOutput()
	if err != nil || strings.Contains(string(v), "commit unknown") || strings.Contains(string(v), "built unknown") {
		t.Fatalf("-version: %v %q, want the commit and build date stamped", err, v)
	}
	dir := t.TempDir()
	cfg := filepath.Join(dir, "c.toml")
	if err := os.WriteFile(cfg, []byte("[storage]\npath = \"data/n.db\"\n[[sources]]\nname = \"Nowhere\"\nurl = \"http://127.0.0.1:1/feed\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "data"), 0o700); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-config", cfg)
	cmd.Dir, cmd.Env = dir, []string{}
	o := newWatchedOutput()
	cmd.Stdout, cmd.Stderr = o, o
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Its one source is unreachable: the first poll says every source failed.
	o.waitText(t, "Every source failed", 20*time.Second)
	if _, err := io.WriteString(in, "/id\n"); err != nil {
		t.Fatal(err)
	}
	o.waitText(t, "Your user id", 10*time.Second)
	in.Close()
	if err := cmd.Wait(); err != nil {
		t.Errorf("the static binary stopped with %v:\n%s", err, o)
	}
}

// The unit told to put the token in with `systemctl edit` (Environment=):
// unit files, their drop-ins and `systemctl show` are readable by every
// user of the machine. The token goes in the 0600 EnvironmentFile alone.
func TestDeployKeepsTheTokenOutOfUnitFiles(t *testing.T) {
	for _, file := range []string{"README.md", "deploy/newshound.service"} {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{"Environment=" + config.TokenEnv, "Environment=\"" + config.TokenEnv} {
			if strings.Contains(string(b), bad) {
				t.Errorf("%s tells to put the token in a unit file (%s): every user can read it; use /etc/newshound/env (mode 0600)", file, bad)
			}
		}
	}
}

// The image's build leaves .git out (.dockerignore), so the binary's
// version and commit come from build arguments: the Dockerfile passed
// COMMIT=unknown whatever was given, and /version in a container could not
// tell what ran. The Dockerfile takes both, compose and the README pass them.
func TestContainerBuildStampsTheVersion(t *testing.T) {
	docker, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"ARG VERSION", "ARG COMMIT", "VERSION=$VERSION COMMIT=$COMMIT scripts/build-static.sh"} {
		if !strings.Contains(string(docker), want) {
			t.Errorf("Dockerfile lacks %q", want)
		}
	}
	for file, wants := range map[string][]string{
		"compose.yaml": {"VERSION: ${VERSION", "COMMIT: ${COMMIT"},
		"README.md":    {"--build-arg VERSION=", "--build-arg COMMIT="},
	} {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range wants {
			if !strings.Contains(string(b), want) {
				t.Errorf("%s does not pass the build argument %q", file, want)
			}
		}
	}
}

// A trial's configuration (m.toml, with a bot token and a /tmp database)
// was committed at the repository's root, where a newcomer takes it for
// one to use. No configuration beside the example and the deploy files
// carries a token; a local one is ignored by git (.gitignore: /*.toml).
func TestNoStrayConfigurationWithAToken(t *testing.T) {
	token := regexp.MustCompile(`(?m)^\s*token\s*=\s*"[^"]+"`)
	// The configurations the repository ships; any other at the root is a
	// developer's own, which .gitignore keeps out (checked below).
	files, err := filepath.Glob("deploy/*.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range append(files, "config.example.toml") {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if token.Match(b) {
			t.Errorf("%s holds a bot token: a trial's leftover, or a secret in the repository", f)
		}
	}
	ignore, err := os.ReadFile(".gitignore")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(ignore), "\n/*.toml\n") || !strings.Contains(string(ignore), "\n!/config.example.toml\n") {
		t.Error(".gitignore lets a local configuration at the root (and its token) be committed: want /*.toml with !/config.example.toml")
	}
}

// An operator's trial: compose's restart policy started a configuration
// error (exit 78) again and again, which the unit's RestartPreventExitStatus
// prevents but Docker cannot. The policy kept is unless-stopped (a crash and
// a reboot start the bot again); compose.yaml and the README say what a
// configuration error looks like then ("Restarting (78)"), where its reason
// is, and how to start again once fixed.
func TestComposeRestartPolicyExplainsAConfigurationError(t *testing.T) {
	compose, err := os.ReadFile("compose.yaml")
	if err != nil {
		t.Fatal(err)
	}
	policy := regexp.MustCompile(`(?m)^\s+restart:\s*(\S+)`).FindSubmatch(compose)
	if policy == nil || string(policy[1]) != "unless-stopped" {
		t.Fatalf("compose.yaml's restart policy is %q, want unless-stopped", policy)
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	for file, b := range map[string][]byte{"compose.yaml": compose, "README.md": readme} {
		for _, want := range []string{"RestartPreventExitStatus", "exit 78", "Restarting (78)", "docker compose up -d", "on-failure:N"} {
			if !strings.Contains(string(b), want) {
				t.Errorf("%s does not say what a configuration error does under Docker's restart policy: lacks %q", file, want)
			}
		}
	}
}

// compose.yaml's way to mount one's own configuration: a copy of
// config.example.toml mounted so kept storage.path = "newshound.db", in
// the image's working folder /, where the bot may not write, and an empty
// metrics.listen, with which the healthcheck never passes. compose.yaml
// says what the image needs beside the mount, as the README does.
func TestComposeOwnConfigurationNamesWhatTheImageNeeds(t *testing.T) {
	compose, err := os.ReadFile("compose.yaml")
	if err != nil {
		t.Fatal(err)
	}
	text := string(compose)
	i := strings.Index(text, ":/config/newshound.toml")
	if i < 0 {
		t.Fatal("compose.yaml does not say how to mount one's own configuration")
	}
	near := text[i:min(len(text), i+600)]
	for _, want := range []string{`path = "/data/newshound.db"`, `listen = ":9090"`} {
		if !strings.Contains(near, want) {
			t.Errorf("compose.yaml's own-configuration mount does not say %s", want)
		}
	}
}
