package metrics

import (
	"math"
	"os"
	"path/filepath"

	"github.com/prometheus/client_golang/prometheus"
)

// databaseDesc and diskFreeDesc are the database's footprint and the room
// left beside it: what retention keeps in check, and what a full disk takes
// away (the bot then stores no articles), for an alert before it happens.
var (
	databaseDesc = prometheus.NewDesc("newshound_database_bytes",
		"Size of the SQLite database, by file: db (the database) and wal (its write-ahead log, up to about 64 MB while the bot runs); NaN when it cannot be read.", []string{"file"}, nil)
	diskFreeDesc = prometheus.NewDesc("newshound_database_disk_free_bytes",
		"Bytes free to Newshound on the file system of the database (NaN when it cannot be read).", nil, nil)
)

// databaseCollector reads the sizes and the free space on each scrape.
type databaseCollector struct{ path string }

func (d databaseCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- databaseDesc
	ch <- diskFreeDesc
}

func (d databaseCollector) Collect(ch chan<- prometheus.Metric) {
	size := func(name string) float64 {
		fi, err := os.Stat(name)
		if os.IsNotExist(err) && name != d.path {
			return 0 // no -wal file: the bot stopped cleanly, or another journal mode
		}
		if err != nil {
			return math.NaN()
		}
		return float64(fi.Size())
	}
	ch <- prometheus.MustNewConstMetric(databaseDesc, prometheus.GaugeValue, size(d.path), "db")
	ch <- prometheus.MustNewConstMetric(databaseDesc, prometheus.GaugeValue, size(d.path+"-wal"), "wal")
	ch <- prometheus.MustNewConstMetric(diskFreeDesc, prometheus.GaugeValue, diskFree(filepath.Dir(d.path)))
}
