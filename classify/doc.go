// Package classify decides, for every post, its label (outage_report,
// complaint, testimony, other), per-label scores, the platform and region
// it is about, its language, its author's role and its sentiment, with the
// evidence that led there (e.g. "outage:plante", "platform:pronote",
// "region:profile:Lille"), so a journalist can see why.
//
// # Approach (rules and a trained label model, version 0.3)
//
// Hand-written rules find the evidence (below); a small trained model
// (package labelmodel: logistic regression over hashed character 3- to
// 5-grams, words, word pairs and bio words, plus the rules' own scores,
// rule label, role and a few structural clues) decides the label. The
// model is trained by `vigie train` on the development and training parts
// of the gold set (eval/gold) and embedded as label-model.lm; the held-out
// parts are never trained or tuned on. On the fresh held-out part the
// rules alone reached macro-F1 0.640 and the rules with the model 0.835
// (eval/gold/README.md), so the model decides; Config.RulesOnly keeps the
// rules alone (version RulesVersion). The label's evidence then gains the
// model's confidence ("model:complaint=0.91") and the words of the text
// that pushed it most ("word:honte"); each label's score is the larger of
// the rules' score and the model's probability, so scores stay independent
// per label.
//
// The rules were tuned on the development part of the gold set (`vigie
// eval` measures them).
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
// Language comes from lingua-go (models preloaded, low-accuracy mode, on
// at most the first 300 characters without links or mentions) with a
// confidence threshold; when lingua is unsure the source's own tag is used
// if it is a configured language. The tags of sources that detect the
// language themselves (X) are taken as is and lingua is not run
// (LangSource "source"). Role comes from the bio, display name and handle (including
// role words glued to a name: "ericpapa", "profdelettres"), and from the
// text ("mes élèves", "je suis maman"). Sentiment sums a small French and
// English lexicon and emoji, flipping negated words, squashed into [-1, 1].
//
// The rules and the model cost a few microseconds per post; lingua dominates. A Classifier
// holds no mutable state besides a sync.Pool of scratch buffers and is safe
// for concurrent use. Version must change whenever rules or data change.
package classify
