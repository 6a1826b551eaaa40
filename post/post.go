// Package post holds the wire types shared by every stage of the pipeline:
// the normalised Post that ingest publishes, the Classified post that the
// classifier publishes, the label/platform/region vocabularies of the
// contracts in DESIGN.md, and the JSON codec with its validation.
package post

import (
	"time"
)

// Post is one social-media post, normalised from whatever source produced it.
// It is what ingest publishes on the raw topic.
type Post struct {
	// ID is the source's own post id, as a string.
	ID string `json:"id"`
	// Source names where the post came from: one of the Source* constants.
	Source string `json:"source"`
	// CreatedAt is when the author published the post (UTC).
	CreatedAt time.Time `json:"created_at"`
	// Author is the handle (or account id) of the author.
	Author string `json:"author,omitempty"`
	// AuthorName is the display name.
	AuthorName string `json:"author_name,omitempty"`
	// AuthorLocation is the free-text location of the author's profile.
	AuthorLocation string `json:"author_location,omitempty"`
	// AuthorBio is the profile description.
	AuthorBio string `json:"author_bio,omitempty"`
	// Text is the plain text of the post (HTML already stripped).
	Text string `json:"text"`
	// Lang is the language tag the source gave (ISO 639-1), if any.
	Lang string `json:"lang,omitempty"`
	// Hashtags are the hashtags of the post, without '#', as written.
	Hashtags []string `json:"hashtags,omitempty"`
	// Place is an explicit place name or geotag attached by the source.
	Place string `json:"place,omitempty"`
	// URL links to the post on its platform.
	URL string `json:"url,omitempty"`
	// Matched lists the tracked terms this post matched.
	Matched []string `json:"matched,omitempty"`
	// IngestedAt is when Vigie read the post.
	IngestedAt time.Time `json:"ingested_at"`
}

// Key is the identity of a post across the whole pipeline: the same post
// delivered twice has the same key, so counts can be made exact.
func (p *Post) Key() string { return p.Source + ":" + p.ID }

// Sources Vigie knows.
const (
	SourceScenario = "scenario"
	SourceMastodon = "mastodon"
	SourceBluesky  = "bluesky"
	SourceX        = "x"
	SourceArchive  = "archive"
)

// Label is the primary category of a post (DESIGN.md, "Contracts").
type Label string

// The four labels, in priority order.
const (
	LabelOutage    Label = "outage_report"
	LabelComplaint Label = "complaint"
	LabelTestimony Label = "testimony"
	LabelOther     Label = "other"
)

// Labels lists every label in priority order.
var Labels = [...]Label{LabelOutage, LabelComplaint, LabelTestimony, LabelOther}

// Platforms (empty string when none).
const (
	PlatformPronote = "pronote"
	PlatformENT     = "ent"
	PlatformCNED    = "cned"
	PlatformVisio   = "visio"
)

// Platforms lists every platform name of the contract.
var Platforms = [...]string{PlatformPronote, PlatformENT, PlatformCNED, PlatformVisio}

// Regions lists the ISO 3166-2:FR codes of the 2016 regions and the overseas
// regions, the only values (besides "") a region may take.
var Regions = [...]string{
	"FR-ARA", "FR-BFC", "FR-BRE", "FR-CVL", "FR-COR", "FR-GES", "FR-HDF", "FR-IDF",
	"FR-NOR", "FR-NAQ", "FR-OCC", "FR-PDL", "FR-PAC",
	"FR-971", "FR-972", "FR-973", "FR-974", "FR-976",
}

// Author roles.
const (
	RoleTeacher     = "teacher"
	RoleParent      = "parent"
	RolePupil       = "pupil"
	RoleInstitution = "institution"
	RoleMedia       = "media"
	RoleUnknown     = "unknown"
)

// Roles lists every author role.
var Roles = [...]string{RoleTeacher, RoleParent, RolePupil, RoleInstitution, RoleMedia, RoleUnknown}

// Scores holds one score in [0, 1] per label; a post can score on several.
type Scores struct {
	Outage    float32 `json:"outage_report"`
	Complaint float32 `json:"complaint"`
	Testimony float32 `json:"testimony"`
	Other     float32 `json:"other"`
}

// Classified is a post with everything the classifier decided about it.
// It is what the classifier publishes on the classified topic.
type Classified struct {
	Post
	Label    Label    `json:"label"`
	Scores   Scores   `json:"scores"`
	Evidence []string `json:"evidence,omitempty"`
	Platform string   `json:"platform"`
	Region   string   `json:"region"`
	// RegionSource says which clue gave the region (place, text, profile), empty when none.
	RegionSource string `json:"region_source,omitempty"`
	// Language decided for the post (ISO 639-1), "" when unknown.
	Language       string  `json:"language"`
	LangConfidence float32 `json:"lang_confidence"`
	// LangSource says who decided the language: "lingua" or "source".
	LangSource string  `json:"lang_source"`
	Role       string  `json:"role"`
	Sentiment  float32 `json:"sentiment"`
	// Classifier is the version string of the classifier that decided.
	Classifier   string    `json:"classifier"`
	ClassifiedAt time.Time `json:"classified_at"`
}
