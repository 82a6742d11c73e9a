package config

// Embed the IANA time zone database so /timezone and digest.timezone work on
// machines without /usr/share/zoneinfo.
import _ "time/tzdata"
