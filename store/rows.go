package store

import "database/sql"

// scanner is what the scan functions read a row from: *sql.Row or *sql.Rows.
type scanner = interface{ Scan(...any) error }

// collect reads every row with scan and closes rows. It fails with the first
// error of a scan or of the iteration, returning none of the rows.
func collect[T any](rows *sql.Rows, scan func(scanner) (T, error)) ([]T, error) {
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, nil
}
