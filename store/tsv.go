package store

import (
	"fmt"
	"reflect"
	"strings"
	"time"
)

// newScanTarget returns a pointer to a fresh value of the column's Go type.
func newScanTarget(t reflect.Type) any { return reflect.New(t).Interface() }

// tsvEscaper escapes values the way ClickHouse's TabSeparated format does.
var tsvEscaper = strings.NewReplacer("\\", "\\\\", "\t", "\\t", "\n", "\\n")

// formatValue renders a scanned value as one TSV field.
func formatValue(v any) string {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return "\\N"
		}
		rv = rv.Elem()
	}
	switch x := rv.Interface().(type) {
	case time.Time:
		return x.UTC().Format("2006-01-02 15:04:05")
	case string:
		return tsvEscaper.Replace(x)
	case []string:
		quoted := make([]string, len(x))
		for i, s := range x {
			quoted[i] = "'" + strings.ReplaceAll(s, "'", "\\'") + "'"
		}
		return tsvEscaper.Replace("[" + strings.Join(quoted, ",") + "]")
	default:
		return tsvEscaper.Replace(fmt.Sprint(x))
	}
}
