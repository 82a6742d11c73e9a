package main

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/newshound/newshound/config"
)

// sourceCAs returns base for the config sources, with the certificate
// authorities each [[sources]] block names in ca_file trusted, besides the
// system's, for that source's host alone: a feed server with a self-signed
// or private-CA certificate is accepted because the operator gave its
// certificate, never because checks are off. It fails, naming
// sources[N].ca_file, when a file cannot be read or holds no PEM
// certificate; base is returned as it is when no source names one. base
// must be an *http.Transport (http.DefaultTransport) for a CA to apply.
func sourceCAs(srcs []config.Source, base http.RoundTripper) (http.RoundTripper, error) {
	pools := map[string]*x509.CertPool{}
	var errs []error // every block's, named at once
	for i, s := range srcs {
		if s.CAFile == "" {
			continue
		}
		if err := addSourceCA(pools, i, s); err != nil {
			errs = append(errs, err)
		}
	}
	switch len(errs) {
	case 0:
	case 1:
		return nil, errs[0]
	default:
		return nil, &config.Mistakes{Errs: errs}
	}
	if len(pools) == 0 {
		return base, nil
	}
	t, ok := base.(*http.Transport)
	if !ok {
		return nil, fmt.Errorf("sources: ca_file needs an HTTP transport, not %T", base)
	}
	byHost := map[string]http.RoundTripper{}
	for host, pool := range pools {
		own := t.Clone()
		own.TLSClientConfig = &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
		byHost[host] = own
	}
	return hostTransport{byHost: byHost, other: base}, nil
}

// hostTransport sends a request to a host of byHost through its transport,
// any other through other.
type hostTransport struct {
	byHost map[string]http.RoundTripper
	other  http.RoundTripper
}

func (h hostTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if t, ok := h.byHost[strings.ToLower(req.URL.Host)]; ok {
		return t.RoundTrip(req)
	}
	return h.other.RoundTrip(req)
}

// caBesideConfig adds to err, sourceCAs' refusal, the whole path to write
// when a source's relative ca_file is missing from the working folder but
// lies beside the configuration file at configPath (ca_file = "myca.pem" in
// /etc/newshound/newshound.toml). Any other error is returned as it is.
func caBesideConfig(err error, srcs []config.Source, configPath string) error {
	if configPath == "" || !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for i, s := range srcs {
		if s.CAFile == "" || filepath.IsAbs(s.CAFile) {
			continue
		}
		if _, serr := os.Stat(s.CAFile); serr == nil {
			continue
		}
		beside, aerr := filepath.Abs(filepath.Join(filepath.Dir(configPath), s.CAFile))
		if aerr != nil {
			continue
		}
		if _, serr := os.Stat(beside); serr == nil {
			return fmt.Errorf("%w; it is beside the configuration: sources[%d].ca_file = %q", err, i, beside)
		}
	}
	return err
}

// addSourceCA adds the certificates of sources[i]'s ca_file to the pool of
// its host in pools. It fails, naming the key and the fix, on a file that
// cannot be read or holds no PEM certificate.
func addSourceCA(pools map[string]*x509.CertPool, i int, s config.Source) error {
	key := fmt.Sprintf("sources[%d].ca_file", i)
	pem, err := os.ReadFile(s.CAFile)
	if err != nil && !filepath.IsAbs(s.CAFile) {
		wd, _ := os.Getwd()
		return fmt.Errorf("%s (of the source %q): %w (a relative path is read from the working folder %s, not the configuration's: write the whole path)", key, s.Name, err, wd)
	}
	if err != nil {
		return fmt.Errorf("%s (of the source %q): %w: put the server's certificate (PEM) there, or correct the path", key, s.Name, err)
	}
	u, err := url.Parse(s.URL)
	if err != nil {
		return fmt.Errorf("sources[%d].url: %w", i, err)
	}
	host := strings.ToLower(u.Host)
	pool := pools[host]
	if pool == nil {
		if pool, err = x509.SystemCertPool(); err != nil || pool == nil {
			pool = x509.NewCertPool()
		}
		pools[host] = pool
	}
	if !pool.AppendCertsFromPEM(pem) {
		return fmt.Errorf("%s (of the source %q): %s holds no PEM certificate (-----BEGIN CERTIFICATE-----)", key, s.Name, s.CAFile)
	}
	return nil
}
