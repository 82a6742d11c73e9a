package listenadvice

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
)

// system is where holder looks: the proc file system, the folders of
// systemd's unit files, and this process's user id.
type system struct {
	proc  string   // "/proc"
	units []string // systemd's unit folders, searched for a socket unit
	uid   int
}

// thisSystem is the running machine's.
func thisSystem() system {
	return system{proc: "/proc", units: []string{"/etc/systemd/system", "/run/systemd/system", "/usr/lib/systemd/system", "/lib/systemd/system"}, uid: os.Getuid()}
}

// portOf is the port of the address a refused listen err tried, 0 when
// err names none.
func portOf(err error) int {
	var op *net.OpError
	if !errors.As(err, &op) || op.Addr == nil {
		return 0
	}
	if a, ok := op.Addr.(*net.TCPAddr); ok {
		return a.Port
	}
	_, p, serr := net.SplitHostPort(op.Addr.String())
	if serr != nil {
		return 0
	}
	n, _ := strconv.Atoi(p)
	return n
}

// holder names what listens on TCP port: a process by its name and pid
// (the listening socket of /proc/net/tcp and tcp6 found among the
// processes' open files), a systemd socket unit (systemd itself holds it,
// or a unit file listens there: cockpit.socket on 9090), or another
// user's process, whose open files this user may not read. It returns ""
// when it finds nothing: no /proc, or the socket is gone meanwhile.
func (s system) holder(port int) string {
	if port <= 0 {
		return ""
	}
	inodes, uids := s.listening(port)
	if len(inodes) == 0 {
		return ""
	}
	pid, name := s.owner(inodes)
	unit := s.socketUnit(port)
	switch {
	case unit != "" && pid == 1:
		return fmt.Sprintf("the systemd socket unit %s holds it (systemctl disable --now %[1]s frees it)", unit)
	case unit != "" && pid == 0:
		return fmt.Sprintf("a process this user may not see holds it; the systemd socket unit %s listens there (systemctl disable --now %[1]s frees it, if it is that one)", unit)
	case pid == 1:
		return "systemd holds it for a socket unit (systemctl list-sockets names it)"
	case pid > 0:
		return fmt.Sprintf("%s (pid %d) holds it", name, pid)
	}
	for uid := range uids {
		if uid == s.uid {
			continue
		}
		who := "uid " + strconv.Itoa(uid)
		if u, err := user.LookupId(strconv.Itoa(uid)); err == nil {
			who = fmt.Sprintf("user %s, uid %d", u.Username, uid)
		}
		return fmt.Sprintf("another user's process holds it (%s; sudo ss -ltnp names it)", who)
	}
	return ""
}

// listening returns the inodes of the sockets that listen on port, with
// their owners' user ids.
func (s system) listening(port int) (map[string]bool, map[int]bool) {
	inodes, uids := map[string]bool{}, map[int]bool{}
	want := fmt.Sprintf(":%04X", port)
	for _, table := range []string{"tcp", "tcp6"} {
		f, err := os.Open(filepath.Join(s.proc, "net", table))
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(f)
		sc.Scan() // the heading
		for sc.Scan() {
			fields := strings.Fields(sc.Text())
			// sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
			if len(fields) < 10 || fields[3] != "0A" || !strings.HasSuffix(fields[1], want) {
				continue
			}
			inodes[fields[9]] = true
			if uid, err := strconv.Atoi(fields[7]); err == nil {
				uids[uid] = true
			}
		}
		f.Close()
	}
	return inodes, uids
}

// owner is the first process found with one of inodes among its open
// files, by pid and name; 0 when none this user may look into has.
func (s system) owner(inodes map[string]bool) (int, string) {
	procs, err := os.ReadDir(s.proc)
	if err != nil {
		return 0, ""
	}
	for _, p := range procs {
		pid, err := strconv.Atoi(p.Name())
		if err != nil {
			continue
		}
		fds := filepath.Join(s.proc, p.Name(), "fd")
		files, err := os.ReadDir(fds)
		if err != nil {
			continue
		}
		for _, fd := range files {
			link, err := os.Readlink(filepath.Join(fds, fd.Name()))
			if err != nil || !strings.HasPrefix(link, "socket:[") {
				continue
			}
			if inodes[strings.TrimSuffix(strings.TrimPrefix(link, "socket:["), "]")] {
				comm, _ := os.ReadFile(filepath.Join(s.proc, p.Name(), "comm"))
				return pid, strings.TrimSpace(string(comm))
			}
		}
	}
	return 0, ""
}

// socketUnit is the systemd socket unit whose file listens on port
// (ListenStream=9090, or an address ending in :9090), "" for none.
func (s system) socketUnit(port int) string {
	p := strconv.Itoa(port)
	for _, dir := range s.units {
		files, _ := filepath.Glob(filepath.Join(dir, "*.socket"))
		for _, file := range files {
			b, err := os.ReadFile(file)
			if err != nil {
				continue
			}
			for _, line := range strings.Split(string(b), "\n") {
				v, ok := strings.CutPrefix(strings.TrimSpace(line), "ListenStream=")
				v = strings.TrimSpace(v)
				if ok && (v == p || strings.HasSuffix(v, ":"+p)) {
					return filepath.Base(file)
				}
			}
		}
	}
	return ""
}
