package archive

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// writeV11 writes n streaming v1.1 tweets of realistic size (compat mode
// with extended_tweet, a full user object, a place), a delete notice every
// 50 lines.
func writeV11(b *testing.B, path string, n int, compress bool) {
	b.Helper()
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var w io.Writer = f
	if compress {
		zw := gzip.NewWriter(f)
		defer zw.Close()
		w = zw
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	defer bw.Flush()
	start := time.Date(2021, 4, 6, 5, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		if i%50 == 49 {
			fmt.Fprintf(bw, `{"delete":{"status":{"id":%d,"id_str":"%d","user_id":1,"user_id_str":"1"},"timestamp_ms":"1617696000000"}}`+"\n", i, i)
			continue
		}
		id := 1379338552210440193 + int64(i)
		at := start.Add(time.Duration(i) * time.Second)
		tw := map[string]any{
			"created_at": at.Format(time.RubyDate), "id": id, "id_str": fmt.Sprint(id),
			"text":      "Impossible de me connecter à l'ENT depuis 7h45 &amp; Pronote tourne dans le vide… les élèves attendent… https://t.co/Qw3rTy7u8I",
			"source":    `<a href="http://twitter.com/download/android" rel="nofollow">Twitter for Android</a>`,
			"truncated": true, "in_reply_to_status_id": nil, "in_reply_to_status_id_str": nil, "in_reply_to_user_id": nil,
			"user": map[string]any{"id": 2876543210 + i%5000, "id_str": fmt.Sprint(2876543210 + i%5000), "name": "Julie — prof de SVT",
				"screen_name": fmt.Sprintf("user_%d", i%5000), "location": "Lille, Hauts-de-France", "url": nil,
				"description": "Prof de SVT au collège. Parent d'élève aussi & syndiquée. #ecolealamaison", "protected": false,
				"verified": false, "followers_count": 812, "friends_count": 401, "listed_count": 2, "favourites_count": 8800,
				"statuses_count": 5120, "created_at": "Tue Mar 03 10:12:44 +0000 2015", "utc_offset": nil, "time_zone": nil,
				"geo_enabled": true, "lang": nil, "profile_image_url_https": "https://pbs.twimg.com/profile_images/1/x_normal.jpg"},
			"geo": nil, "coordinates": nil,
			"place": map[string]any{"id": "0e7b7c3a0c2f1b2d", "url": "https://api.twitter.com/1.1/geo/id/0e7b7c3a0c2f1b2d.json",
				"place_type": "city", "name": "Lille", "full_name": "Lille, France", "country_code": "FR", "country": "France",
				"bounding_box": map[string]any{"type": "Polygon", "coordinates": [][][]float64{{{2.97, 50.6}, {3.12, 50.6}, {3.12, 50.66}, {2.97, 50.66}}}},
				"attributes":   map[string]any{}},
			"is_quote_status": false,
			"extended_tweet": map[string]any{
				"full_text":          "Impossible de me connecter à l'ENT depuis 7h45 &amp; Pronote tourne dans le vide… les élèves attendent leurs devoirs, moi aussi. #ecolealamaison #ENTHDF",
				"display_text_range": []int{0, 152},
				"entities": map[string]any{"hashtags": []any{
					map[string]any{"text": "ecolealamaison", "indices": []int{122, 137}},
					map[string]any{"text": "ENTHDF", "indices": []int{138, 145}}}, "urls": []any{}, "user_mentions": []any{}, "symbols": []any{}}},
			"quote_count": 0, "reply_count": 0, "retweet_count": 0, "favorite_count": 0,
			"entities": map[string]any{"hashtags": []any{}, "urls": []any{map[string]any{"url": "https://t.co/Qw3rTy7u8I",
				"expanded_url": "https://twitter.com/i/web/status/1", "display_url": "twitter.com/i/web/status/1…", "indices": []int{117, 140}}},
				"user_mentions": []any{}, "symbols": []any{}},
			"favorited": false, "retweeted": false, "possibly_sensitive": false, "filter_level": "low", "lang": "fr",
			"timestamp_ms": fmt.Sprint(at.UnixMilli()),
		}
		line, _ := json.Marshal(tw)
		bw.Write(line)
		bw.WriteByte('\n')
	}
}

func benchRead(b *testing.B, compress bool) {
	const n = 20000
	path := filepath.Join(b.TempDir(), "v11.jsonl")
	if compress {
		path += ".gz"
	}
	writeV11(b, path, n, compress)
	fi, _ := os.Stat(path)
	b.SetBytes(fi.Size())
	b.ResetTimer()
	var posts int64
	for i := 0; i < b.N; i++ {
		r, err := Open(path, WithClock(clock))
		if err != nil {
			b.Fatal(err)
		}
		for {
			rec, err := r.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil || rec.Reject != nil {
				b.Fatalf("%v %+v", err, rec.Reject)
			}
		}
		posts += r.Stats().Posts
		r.Close()
	}
	b.ReportMetric(float64(posts)/b.Elapsed().Seconds(), "posts/s")
}

// BenchmarkReadV11 parses a generated 20,000-tweet v1.1 stream file.
func BenchmarkReadV11(b *testing.B)     { benchRead(b, false) }
func BenchmarkReadV11Gzip(b *testing.B) { benchRead(b, true) }
