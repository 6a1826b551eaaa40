package archive

import (
	"encoding/json"

	"github.com/vigie-edu/vigie/post"
)

// vigieParser reads Vigie's own JSON Lines: a post.Post (or
// post.Classified, whose extra fields are ignored) per line. The post keeps
// its own source.
type vigieParser struct{}

func (vigieParser) parse(rec []byte, res *results) error {
	var p post.Post
	if err := json.Unmarshal(rec, &p); err != nil {
		return jsonErr("Vigie post", err)
	}
	p.Matched = nil // the tracker decides again
	res.posts = append(res.posts, p)
	return nil
}
