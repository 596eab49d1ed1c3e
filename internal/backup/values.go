package backup

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// bytesValue is how a binary value (a logo, a passkey's public key) is written: an
// object, so it can never be mistaken for text.
type bytesValue struct {
	B string `json:"b"`
}

// encode turns a value as the driver scanned it into its JSON form. Both engines give
// integers as int64; SQLite gives booleans as 0/1, PostgreSQL as bool, and the restore
// converts by the destination's column type.
func encode(v any) (any, error) {
	switch x := v.(type) {
	case nil, int64, float64, bool, string:
		return x, nil
	case int32:
		return int64(x), nil
	case []byte:
		return bytesValue{B: base64.StdEncoding.EncodeToString(x)}, nil
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano), nil
	default:
		return nil, fmt.Errorf("backup: value of type %T", v)
	}
}

// decode turns a JSON value (read with UseNumber) into what the destination column of
// type typ takes.
func decode(v any, typ string) (any, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case bool:
		if isBool(typ) {
			return x, nil
		}
		if x {
			return int64(1), nil
		}
		return int64(0), nil
	case json.Number:
		if i, err := strconv.ParseInt(string(x), 10, 64); err == nil {
			if isBool(typ) {
				return i != 0, nil
			}
			return i, nil
		}
		return x.Float64()
	case string:
		return x, nil
	case map[string]any:
		s, ok := x["b"].(string)
		if !ok || len(x) != 1 {
			return nil, fmt.Errorf("backup: unknown value %v", x)
		}
		return base64.StdEncoding.DecodeString(s)
	default:
		return nil, fmt.Errorf("backup: unknown value %v", v)
	}
}

// isBool reports whether a declared column type is a boolean on either engine.
func isBool(typ string) bool { return strings.HasPrefix(typ, "bool") }
