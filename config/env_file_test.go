package config

import (
	"strings"
	"testing"
)

// -config given the environment file (/etc/newshound/env, compose's .env):
// it was told to quote the value, with the token shown in the error (the
// journal), or that NEWSHOUND_TELEGRAM_TOKEN is an unknown key. It is
// named an environment file, with where it goes, and the token never shown.
func TestConfigThatIsAnEnvironmentFile(t *testing.T) {
	const tok = "123456789:AAF1xSecret_part-2"
	for _, body := range []string{
		"NEWSHOUND_TELEGRAM_TOKEN=" + tok + "\n",
		"# the bot's\nNEWSHOUND_TELEGRAM_TOKEN=\"" + tok + "\"\nHTTPS_PROXY=http://proxy.example:3128\n",
	} {
		_, err := Load(writeConfig(t, body), nil)
		if err == nil || !strings.Contains(err.Error(), "is an environment file (NAME=value lines), not Newshound's configuration") || !strings.Contains(err.Error(), "EnvironmentFile=") {
			t.Errorf("%q: error %v, want it named an environment file", body, err)
		}
		if err != nil && strings.Contains(err.Error(), "AAF1xSecret") {
			t.Errorf("%q: error %v shows the token", body, err)
		}
	}
}
