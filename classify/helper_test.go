package classify

import (
	"sync"
	"testing"
	"time"

	"github.com/vigie-edu/vigie/post"
)

// The classifiers are built once per test binary: preloading the language
// models takes a moment.
var (
	sharedOnce, modelOnce sync.Once
	shared, withModel     *Classifier
	sharedErr, modelErr   error
)

// testClassifier is the rules alone: most tests here check what a rule
// does. The trained model on top of them is measured on the gold set
// (package eval) and checked by the tests of model_test.go.
func testClassifier(tb testing.TB) *Classifier {
	tb.Helper()
	sharedOnce.Do(func() { shared, sharedErr = New(Config{RulesOnly: true}) })
	if sharedErr != nil {
		tb.Fatalf("New: %v", sharedErr)
	}
	return shared
}

// modelClassifier is the default classifier: rules and the label model.
func modelClassifier(tb testing.TB) *Classifier {
	tb.Helper()
	modelOnce.Do(func() { withModel, modelErr = New(Config{}) })
	if modelErr != nil {
		tb.Fatalf("New: %v", modelErr)
	}
	return withModel
}

var testNow = time.Date(2021, 4, 6, 10, 0, 0, 0, time.UTC)

// textPost is a post with only a text.
func textPost(text string) post.Post {
	return post.Post{ID: "1", Source: post.SourceScenario, CreatedAt: testNow.Add(-time.Minute), Text: text, IngestedAt: testNow}
}
