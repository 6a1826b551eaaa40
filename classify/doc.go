// Package classify decides, for every post, its label (outage_report,
// complaint, testimony, other), per-label scores, the platform and region
// it is about, its language, its author's role and its sentiment, with the
// evidence that led there (e.g. "outage:plante", "platform:pronote",
// "region:profile:Lille"), so a journalist can see why.
//
// # Approach (rules, version 0.2)
//
// The rules were tuned on the development part of the gold set (eval/gold;
// `vigie eval` measures them); the held-out part is never used to tune.
//
// Text is normalised once into a reused buffer: lowercase, accents folded,
// invisible characters (zero-width, bidi controls) dropped, camelCase
// hashtags split, every run of punctuation or emoji turned into one space
// (normalize.go). One Aho–Corasick automaton (automaton.go), compiled at New
// from all the cue lists (cues.go, gazetteer.go), then finds every cue in a
// single pass over the bytes, whole words or word prefixes only. A cue
// inside a longer one is ignored ("Ma classe à la maison" is the CNED
// service, not "ma classe"; "en panne" counts once).
//
// Cues carry weights. A label needs its evidence to reach a threshold, and
// the first label that does, in the contract's priority order, wins: a
// concrete malfunction (outage cues, or a "works/loads/connects" verb under
// negation: "ça ne marche pas", "impossible de me connecter") beats blame
// (anger cues, or demands aimed at a target: minister, rectorat...), which
// beats a first-person account (possessive + family or class noun: "mes 3
// enfants"; own-situation phrases; first person plus schooling context).
// Negators reach three words ahead within a clause (punctuation and
// conjunctions stop them). A question asked while naming a target ("Qui a
// validé ça ?") counts as scorn unless the post asks for information
// ("quelqu'un sait", "sondage"). Masks hide outage words that report no
// platform failure ("je sature des fiches", "notre box a lâché"). Scores
// are 1-e^-evidence per label.
//
// Platform: the one with the most evidence; in an outage report, a
// platform said to work right after its name ("Pronote ok, mais l'ENT est
// KO") gives way to the other one named.
//
// Region, in order of trust: the Place field; a regional ENT or an académie
// named in the text ("monlycee.net", "académie de Lille"); the profile
// location (cities, départements by name, number or postal code, regions,
// académies); an ENT or académie named in the bio. A media or institution
// account located in Paris whose name and bio do not name Paris or
// Île-de-France is national (ministries, national newsrooms): its location
// gives no region. City names are never
// looked for in free text ("Nice day"). Clues that disagree within a field
// cancel out, foreign places veto, and ambiguous names (Saint-Denis,
// Valence) give nothing: a wrong region is worse than none.
//
// Language comes from lingua-go (models preloaded, on at most the first 300
// characters without links or mentions) with a confidence threshold; when
// lingua is unsure the source's own tag is used if it is a configured
// language. Role comes from the bio, display name and handle (including
// role words glued to a name: "ericpapa", "profdelettres"), and from the
// text ("mes élèves", "je suis maman"). Sentiment sums a small French and
// English lexicon and emoji, flipping negated words, squashed into [-1, 1].
//
// The rules cost a few microseconds per post; lingua dominates. A Classifier
// holds no mutable state besides a sync.Pool of scratch buffers and is safe
// for concurrent use. Version must change whenever rules or data change.
package classify
