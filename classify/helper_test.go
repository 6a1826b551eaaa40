package classify

import (
	"sync"
	"testing"
	"time"

	"github.com/vigie-edu/vigie/post"
)

// The classifier is built once per test binary: preloading the language
// models takes about a second.
var (
	sharedOnce sync.Once
	shared     *Classifier
	sharedErr  error
)

func testClassifier(tb testing.TB) *Classifier {
	tb.Helper()
	sharedOnce.Do(func() { shared, sharedErr = New(Config{}) })
	if sharedErr != nil {
		tb.Fatalf("New: %v", sharedErr)
	}
	return shared
}

var testNow = time.Date(2021, 4, 6, 10, 0, 0, 0, time.UTC)

// textPost is a post with only a text.
func textPost(text string) post.Post {
	return post.Post{ID: "1", Source: post.SourceScenario, CreatedAt: testNow.Add(-time.Minute), Text: text, IngestedAt: testNow}
}
