package classify

// Gazetteer: the place names Vigie recognises, mapped to the ISO 3166-2:FR
// codes of the 2016 regions. Names are written as people write them; they
// are normalised at build time like any cue ("Côte-d'Or" == "cote d or").
// Two lists are built from these tables:
//
//   - places (Place field, profile location): départements by name and
//     number, regions and their usual names, cities, académies, plus the
//     ambiguous names (no region, but they hide their parts: "Saint-Denis"
//     alone gives nothing) and foreign names (veto the whole field);
//   - text (post text, bio): only regional ENT names and "académie de X",
//     which are safe in free prose ("Nice" is not).

// Region codes.
const (
	rARA = "FR-ARA"
	rBFC = "FR-BFC"
	rBRE = "FR-BRE"
	rCVL = "FR-CVL"
	rCOR = "FR-COR"
	rGES = "FR-GES"
	rHDF = "FR-HDF"
	rIDF = "FR-IDF"
	rNOR = "FR-NOR"
	rNAQ = "FR-NAQ"
	rOCC = "FR-OCC"
	rPDL = "FR-PDL"
	rPAC = "FR-PAC"
	rGUA = "FR-971"
	rMTQ = "FR-972"
	rGUF = "FR-973"
	rREU = "FR-974"
	rMYT = "FR-976"
)

// departement is one of the 101 départements: its code, its name and the
// other ways it is written.
type departement struct {
	code, name, region string
	alt                []string
}

var departements = []departement{
	{"01", "Ain", rARA, nil},
	{"02", "Aisne", rHDF, nil},
	{"03", "Allier", rARA, nil},
	{"04", "Alpes-de-Haute-Provence", rPAC, []string{"Alpes de Hte Provence"}},
	{"05", "Hautes-Alpes", rPAC, nil},
	{"06", "Alpes-Maritimes", rPAC, []string{"Alpes Mmes"}},
	{"07", "Ardèche", rARA, nil},
	{"08", "Ardennes", rGES, nil},
	{"09", "Ariège", rOCC, nil},
	{"10", "Aube", rGES, nil},
	{"11", "Aude", rOCC, nil},
	{"12", "Aveyron", rOCC, nil},
	{"13", "Bouches-du-Rhône", rPAC, nil},
	{"14", "Calvados", rNOR, nil},
	{"15", "Cantal", rARA, nil},
	{"16", "Charente", rNAQ, nil},
	{"17", "Charente-Maritime", rNAQ, nil},
	{"18", "Cher", rCVL, nil},
	{"19", "Corrèze", rNAQ, nil},
	{"2A", "Corse-du-Sud", rCOR, nil},
	{"2B", "Haute-Corse", rCOR, nil},
	{"21", "Côte-d'Or", rBFC, nil},
	{"22", "Côtes-d'Armor", rBRE, nil},
	{"23", "Creuse", rNAQ, nil},
	{"24", "Dordogne", rNAQ, []string{"Périgord"}},
	{"25", "Doubs", rBFC, nil},
	{"26", "Drôme", rARA, nil},
	{"27", "Eure", rNOR, nil},
	{"28", "Eure-et-Loir", rCVL, nil},
	{"29", "Finistère", rBRE, nil},
	{"30", "Gard", rOCC, nil},
	{"31", "Haute-Garonne", rOCC, nil},
	{"32", "Gers", rOCC, nil},
	{"33", "Gironde", rNAQ, nil},
	{"34", "Hérault", rOCC, nil},
	{"35", "Ille-et-Vilaine", rBRE, nil},
	{"36", "Indre", rCVL, nil},
	{"37", "Indre-et-Loire", rCVL, nil},
	{"38", "Isère", rARA, nil},
	{"39", "Jura", rBFC, nil},
	{"40", "Landes", rNAQ, nil},
	{"41", "Loir-et-Cher", rCVL, nil},
	{"42", "Loire", rARA, nil},
	{"43", "Haute-Loire", rARA, nil},
	{"44", "Loire-Atlantique", rPDL, nil},
	{"45", "Loiret", rCVL, nil},
	{"46", "Lot", rOCC, nil},
	{"47", "Lot-et-Garonne", rNAQ, nil},
	{"48", "Lozère", rOCC, nil},
	{"49", "Maine-et-Loire", rPDL, nil},
	{"50", "Manche", rNOR, nil},
	{"51", "Marne", rGES, nil},
	{"52", "Haute-Marne", rGES, nil},
	{"53", "Mayenne", rPDL, nil},
	{"54", "Meurthe-et-Moselle", rGES, nil},
	{"55", "Meuse", rGES, nil},
	{"56", "Morbihan", rBRE, nil},
	{"57", "Moselle", rGES, nil},
	{"58", "Nièvre", rBFC, nil},
	{"59", "Nord", rHDF, nil},
	{"60", "Oise", rHDF, nil},
	{"61", "Orne", rNOR, nil},
	{"62", "Pas-de-Calais", rHDF, nil},
	{"63", "Puy-de-Dôme", rARA, nil},
	{"64", "Pyrénées-Atlantiques", rNAQ, []string{"Béarn"}},
	{"65", "Hautes-Pyrénées", rOCC, nil},
	{"66", "Pyrénées-Orientales", rOCC, nil},
	{"67", "Bas-Rhin", rGES, nil},
	{"68", "Haut-Rhin", rGES, nil},
	{"69", "Rhône", rARA, nil},
	{"70", "Haute-Saône", rBFC, nil},
	{"71", "Saône-et-Loire", rBFC, nil},
	{"72", "Sarthe", rPDL, nil},
	{"73", "Savoie", rARA, nil},
	{"74", "Haute-Savoie", rARA, nil},
	{"75", "Paris", rIDF, nil},
	{"76", "Seine-Maritime", rNOR, nil},
	{"77", "Seine-et-Marne", rIDF, nil},
	{"78", "Yvelines", rIDF, nil},
	{"79", "Deux-Sèvres", rNAQ, nil},
	{"80", "Somme", rHDF, nil},
	{"81", "Tarn", rOCC, nil},
	{"82", "Tarn-et-Garonne", rOCC, nil},
	{"83", "Var", rPAC, nil},
	{"84", "Vaucluse", rPAC, nil},
	{"85", "Vendée", rPDL, nil},
	{"86", "Vienne", rNAQ, nil}, // the name alone is ambiguous: see ambiguousPlaces
	{"87", "Haute-Vienne", rNAQ, nil},
	{"88", "Vosges", rGES, nil},
	{"89", "Yonne", rBFC, nil},
	{"90", "Territoire de Belfort", rBFC, nil},
	{"91", "Essonne", rIDF, nil},
	{"92", "Hauts-de-Seine", rIDF, nil},
	{"93", "Seine-Saint-Denis", rIDF, []string{"Neuf-Trois"}},
	{"94", "Val-de-Marne", rIDF, nil},
	{"95", "Val-d'Oise", rIDF, nil},
	{"971", "Guadeloupe", rGUA, []string{"Gwada"}},
	{"972", "Martinique", rMTQ, []string{"Madinina"}},
	{"973", "Guyane", rGUF, []string{"Guyane française", "French Guiana"}},
	{"974", "La Réunion", rREU, []string{"Réunion", "île de la Réunion", "Reunion Island"}},
	{"976", "Mayotte", rMYT, nil},
}

// regionNames are the regions under their current and former names.
var regionNames = []struct {
	region string
	names  []string
}{
	{rARA, []string{"Auvergne-Rhône-Alpes", "AURA", "Auvergne", "Rhône-Alpes", "Région AURA"}},
	{rBFC, []string{"Bourgogne-Franche-Comté", "BFC", "Bourgogne", "Franche-Comté", "Burgundy"}},
	{rBRE, []string{"Bretagne", "Breizh", "BZH", "Brittany"}},
	{rCVL, []string{"Centre-Val de Loire", "Centre Val-de-Loire", "CVL", "Région Centre", "Val de Loire", "Touraine", "Sologne", "Berry"}},
	{rCOR, []string{"Corse", "Corsica"}},
	{rGES, []string{"Grand Est", "Grand-Est", "Alsace", "Lorraine", "Champagne-Ardenne", "Champagne", "Alsace-Lorraine"}},
	{rHDF, []string{"Hauts-de-France", "HDF", "Nord-Pas-de-Calais", "NPDC", "Picardie"}},
	{rIDF, []string{"Île-de-France", "IDF", "Région parisienne", "Paris region", "Grand Paris", "Paname"}},
	{rNOR, []string{"Normandie", "Normandy", "Basse-Normandie", "Haute-Normandie"}},
	{rNAQ, []string{"Nouvelle-Aquitaine", "Aquitaine", "Limousin", "Poitou-Charentes", "Poitou", "Pays basque"}},
	{rOCC, []string{"Occitanie", "Languedoc", "Languedoc-Roussillon", "Midi-Pyrénées"}},
	{rPDL, []string{"Pays de la Loire", "Pays-de-la-Loire", "Anjou"}},
	{rPAC, []string{"Provence-Alpes-Côte d'Azur", "PACA", "Région Sud", "Provence", "Côte d'Azur", "French Riviera"}},
}

// cities are prefectures and the main cities, with their département.
// Cities whose name is shared with another place of another region are in
// ambiguousPlaces instead.
var cities = []struct{ name, dept string }{
	// Auvergne-Rhône-Alpes
	{"Lyon", "69"}, {"Villeurbanne", "69"}, {"Vénissieux", "69"}, {"Grenoble", "38"},
	{"Saint-Étienne", "42"}, {"Roanne", "42"}, {"Clermont-Ferrand", "63"}, {"Clermont-Fd", "63"}, {"Annecy", "74"},
	{"Chambéry", "73"}, {"Bourg-en-Bresse", "01"}, {"Moulins", "03"}, {"Vichy", "03"},
	{"Montluçon", "03"}, {"Aurillac", "15"}, {"Le Puy-en-Velay", "43"}, {"Privas", "07"},
	{"Annemasse", "74"}, {"Aix-les-Bains", "73"},
	// Bourgogne-Franche-Comté
	{"Dijon", "21"}, {"Besançon", "25"}, {"Belfort", "90"}, {"Montbéliard", "25"},
	{"Chalon-sur-Saône", "71"}, {"Mâcon", "71"}, {"Auxerre", "89"}, {"Nevers", "58"},
	{"Vesoul", "70"}, {"Lons-le-Saunier", "39"},
	// Bretagne
	{"Rennes", "35"}, {"Brest", "29"}, {"Quimper", "29"}, {"Lorient", "56"}, {"Vannes", "56"},
	{"Saint-Brieuc", "22"}, {"Saint-Malo", "35"}, {"Lannion", "22"},
	// Centre-Val de Loire
	{"Orléans", "45"}, {"Tours", "37"}, {"Blois", "41"}, {"Bourges", "18"}, {"Chartres", "28"},
	{"Châteauroux", "36"}, {"Dreux", "28"},
	// Corse
	{"Ajaccio", "2A"}, {"Bastia", "2B"},
	// Grand Est
	{"Strasbourg", "67"}, {"Reims", "51"}, {"Metz", "57"}, {"Nancy", "54"}, {"Mulhouse", "68"},
	{"Colmar", "68"}, {"Troyes", "10"}, {"Charleville-Mézières", "08"}, {"Épinal", "88"},
	{"Châlons-en-Champagne", "51"}, {"Thionville", "57"}, {"Bar-le-Duc", "55"}, {"Chaumont", "52"},
	// Hauts-de-France
	{"Lille", "59"}, {"Roubaix", "59"}, {"Tourcoing", "59"}, {"Dunkerque", "59"},
	{"Villeneuve-d'Ascq", "59"}, {"Valenciennes", "59"}, {"Douai", "59"}, {"Cambrai", "59"},
	{"Maubeuge", "59"}, {"Amiens", "80"}, {"Calais", "62"}, {"Boulogne-sur-Mer", "62"},
	{"Arras", "62"}, {"Lens", "62"}, {"Béthune", "62"}, {"Beauvais", "60"}, {"Compiègne", "60"},
	{"Creil", "60"}, {"Laon", "02"}, {"Soissons", "02"}, {"Saint-Quentin", "02"},
	// Île-de-France
	{"Paris", "75"}, {"Versailles", "78"}, {"Saint-Germain-en-Laye", "78"}, {"Poissy", "78"},
	{"Mantes-la-Jolie", "78"}, {"Saint-Quentin-en-Yvelines", "78"}, {"Sartrouville", "78"},
	{"Évry", "91"}, {"Évry-Courcouronnes", "91"}, {"Massy", "91"}, {"Corbeil-Essonnes", "91"},
	{"Nanterre", "92"}, {"Boulogne-Billancourt", "92"}, {"Courbevoie", "92"}, {"Colombes", "92"},
	{"Asnières-sur-Seine", "92"}, {"Rueil-Malmaison", "92"}, {"Issy-les-Moulineaux", "92"},
	{"Levallois-Perret", "92"}, {"Neuilly-sur-Seine", "92"}, {"Clichy", "92"}, {"Antony", "92"},
	{"Bobigny", "93"}, {"Montreuil", "93"}, {"Saint-Ouen", "93"}, {"Aubervilliers", "93"},
	{"Aulnay-sous-Bois", "93"}, {"Drancy", "93"}, {"Noisy-le-Grand", "93"}, {"Pantin", "93"},
	{"Bondy", "93"}, {"Sevran", "93"}, {"Épinay-sur-Seine", "93"}, {"Saint-Denis (93)", "93"},
	{"Créteil", "94"}, {"Vitry-sur-Seine", "94"}, {"Champigny-sur-Marne", "94"},
	{"Ivry-sur-Seine", "94"}, {"Saint-Maur-des-Fossés", "94"}, {"Vincennes", "94"},
	{"Melun", "77"}, {"Meaux", "77"}, {"Chelles", "77"}, {"Marne-la-Vallée", "77"},
	{"Cergy", "95"}, {"Cergy-Pontoise", "95"}, {"Argenteuil", "95"}, {"Sarcelles", "95"},
	// Normandie
	{"Rouen", "76"}, {"Le Havre", "76"}, {"Dieppe", "76"}, {"Caen", "14"}, {"Lisieux", "14"},
	{"Cherbourg", "50"}, {"Cherbourg-en-Cotentin", "50"}, {"Saint-Lô", "50"}, {"Évreux", "27"},
	{"Alençon", "61"},
	// Nouvelle-Aquitaine
	{"Bordeaux", "33"}, {"Mérignac", "33"}, {"Pessac", "33"}, {"Limoges", "87"},
	{"Poitiers", "86"}, {"La Rochelle", "17"}, {"Pau", "64"}, {"Bayonne", "64"},
	{"Biarritz", "64"}, {"Anglet", "64"}, {"Angoulême", "16"}, {"Périgueux", "24"},
	{"Bergerac", "24"}, {"Agen", "47"}, {"Mont-de-Marsan", "40"}, {"Niort", "79"},
	{"Brive-la-Gaillarde", "19"}, {"Brive", "19"}, {"Tulle", "19"}, {"Guéret", "23"},
	{"Châtellerault", "86"}, {"Royan", "17"},
	// Occitanie
	{"Toulouse", "31"}, {"Montpellier", "34"}, {"Nîmes", "30"}, {"Perpignan", "66"},
	{"Béziers", "34"}, {"Sète", "34"}, {"Narbonne", "11"}, {"Carcassonne", "11"},
	{"Albi", "81"}, {"Castres", "81"}, {"Montauban", "82"}, {"Tarbes", "65"}, {"Rodez", "12"},
	{"Cahors", "46"}, {"Auch", "32"}, {"Foix", "09"}, {"Mende", "48"}, {"Alès", "30"},
	// Pays de la Loire
	{"Nantes", "44"}, {"Saint-Nazaire", "44"}, {"Angers", "49"}, {"Cholet", "49"},
	{"Le Mans", "72"}, {"La Roche-sur-Yon", "85"},
	// Provence-Alpes-Côte d'Azur
	{"Marseille", "13"}, {"Marseilles", "13"}, {"Aix-en-Provence", "13"}, {"Arles", "13"},
	{"Martigues", "13"}, {"Aubagne", "13"}, {"Istres", "13"}, {"Salon-de-Provence", "13"},
	{"Vitrolles", "13"}, {"Nice", "06"}, {"Cannes", "06"}, {"Antibes", "06"}, {"Grasse", "06"},
	{"Toulon", "83"}, {"Fréjus", "83"}, {"Hyères", "83"}, {"La Seyne-sur-Mer", "83"},
	{"Avignon", "84"}, {"Carpentras", "84"}, {"Gap", "05"}, {"Digne-les-Bains", "04"},
	// Outre-mer
	{"Pointe-à-Pitre", "971"}, {"Les Abymes", "971"}, {"Basse-Terre", "971"},
	{"Fort-de-France", "972"}, {"Le Lamentin", "972"}, {"Cayenne", "973"}, {"Kourou", "973"},
	{"Saint-Laurent-du-Maroni", "973"}, {"Le Tampon", "974"}, {"Saint-Denis (974)", "974"},
	{"Mamoudzou", "976"}, {"Dzaoudzi", "976"},
}

// arrondissementCities have numbered districts: "Paris 16" is not the
// Charente, "Lyon 7" not the Ardèche.
var arrondissementCities = []string{"Paris", "Lyon", "Marseille"}

// ambiguousPlaces name places of several regions (or a region and a
// foreign place). They give no region, but hide the places inside them.
var ambiguousPlaces = []string{
	"Saint-Denis", "St-Denis", "Valence", "Laval", "Vienne", "Saint-Pierre", "Saint-Paul",
	"Saint-Louis", "Saint-Joseph", "Saint-André", "Sainte-Marie", "Sainte-Anne", "Saint-Benoît",
	"Boulogne", "Clermont", "Aix", "Lamentin", "Le Moule", "Centre", "Midi",
	"Sud", "Orange", "Rochefort", "Montreuil-sur-Mer", "Saint-Amand",
	"Villeneuve", "Bagnères", "Saint-Cyr", "Nord-Est", "Sud-Ouest", "Sud-Est", "Nord-Ouest",
}

// foreignPlaces veto the whole field: an author in "Lille / Bruxelles" or
// "Nouméa" is not placed in a French region.
var foreignPlaces = []string{
	"Belgique", "Belgium", "België", "Bruxelles", "Brussels", "Liège", "Namur", "Charleroi",
	"Suisse", "Switzerland", "Schweiz", "Genève", "Geneva", "Lausanne", "Canada", "Québec",
	"Quebec", "Montréal", "Montreal", "USA", "United States", "États-Unis", "New York", "Texas",
	"UK", "United Kingdom", "London", "Londres", "England", "Maroc", "Morocco", "Algérie",
	"Tunisie", "Sénégal", "Dakar", "Abidjan", "Côte d'Ivoire", "Luxembourg", "Deutschland",
	"Germany", "Allemagne", "España", "Espagne", "Spain", "Italia", "Italie", "Italy",
	"Nouvelle-Calédonie", "Nouméa", "Polynésie", "Tahiti", "Saint-Pierre-et-Miquelon",
	"Wallis", "Saint-Martin", "Saint-Barthélemy",
}

// academies lists the 30 académies of 2021 (Normandie merged Caen and Rouen
// in 2020) with the names used after "académie de" and in "ac-xxx" domains.
var academies = []struct {
	name, region string
	names        []string
}{
	{"Aix-Marseille", rPAC, []string{"Aix-Marseille", "Aix Marseille"}},
	{"Amiens", rHDF, []string{"Amiens"}},
	{"Besançon", rBFC, []string{"Besançon"}},
	{"Bordeaux", rNAQ, []string{"Bordeaux"}},
	{"Clermont-Ferrand", rARA, []string{"Clermont-Ferrand", "Clermont"}},
	{"Corse", rCOR, []string{"Corse", "la Corse"}},
	{"Créteil", rIDF, []string{"Créteil"}},
	{"Dijon", rBFC, []string{"Dijon"}},
	{"Grenoble", rARA, []string{"Grenoble"}},
	{"Guadeloupe", rGUA, []string{"Guadeloupe", "la Guadeloupe"}},
	{"Guyane", rGUF, []string{"Guyane", "la Guyane"}},
	{"Lille", rHDF, []string{"Lille"}},
	{"Limoges", rNAQ, []string{"Limoges"}},
	{"Lyon", rARA, []string{"Lyon"}},
	{"Martinique", rMTQ, []string{"Martinique", "la Martinique"}},
	{"Mayotte", rMYT, []string{"Mayotte"}},
	{"Montpellier", rOCC, []string{"Montpellier"}},
	{"Nancy-Metz", rGES, []string{"Nancy-Metz", "Nancy"}},
	{"Nantes", rPDL, []string{"Nantes"}},
	{"Nice", rPAC, []string{"Nice"}},
	{"Normandie", rNOR, []string{"Normandie", "Caen", "Rouen"}},
	{"Orléans-Tours", rCVL, []string{"Orléans-Tours", "Orléans"}},
	{"Paris", rIDF, []string{"Paris"}},
	{"Poitiers", rNAQ, []string{"Poitiers"}},
	{"Reims", rGES, []string{"Reims"}},
	{"Rennes", rBRE, []string{"Rennes"}},
	{"La Réunion", rREU, []string{"la Réunion", "Réunion"}},
	{"Strasbourg", rGES, []string{"Strasbourg"}},
	{"Toulouse", rOCC, []string{"Toulouse"}},
	{"Versailles", rIDF, []string{"Versailles"}},
}

// regionalENTNames are how posts name "the ENT of region X": "ENT IDF",
// "l'ENT des Hauts-de-France", "ENT de la région Occitanie", "ENT normand".
// They are built from regionNames; these adjectives are added.
var regionalENTAdjectives = []struct{ adjective, region string }{
	{"francilien", rIDF}, {"normand", rNOR}, {"breton", rBRE}, {"alsacien", rGES},
	{"lorrain", rGES}, {"occitan", rOCC}, {"corse", rCOR}, {"nordiste", rHDF}, {"picard", rHDF},
	{"auvergnat", rARA}, {"bourguignon", rBFC}, {"réunionnais", rREU}, {"guadeloupéen", rGUA},
	{"martiniquais", rMTQ}, {"guyanais", rGUF}, {"mahorais", rMYT},
}

// entNames are the regional and departmental ENTs of 2021: each gives the
// platform "ent" and a region.
var entNames = []struct {
	name, region string
	pats         []string
}{
	{"monlycee.net", rIDF, []string{"monlycee", "monlycee.net", "mon lycee.net", "monlyceenet"}},
	{"MonCollège", rIDF, []string{"moncollege", "moncollege.paris", "moncollege.valdoise"}},
	{"Paris Classe Numérique", rIDF, []string{"Paris Classe Numérique", "parisclassenumerique"}},
	{"ENC Hauts-de-Seine", rIDF, []string{"ENC Hauts-de-Seine", "ENC92", "ENC 92"}},
	{"Mon Bureau Numérique", rGES, []string{"Mon Bureau Numérique", "monbureaunumerique", "MBN"}},
	{"ENT Hauts-de-France", rHDF, []string{"ENT Hauts-de-France", "enthdf", "ENT HDF"}},
	{"ENT Occitanie", rOCC, []string{"ENT Occitanie", "entoccitanie", "ENT-Occitanie"}},
	{"Lycée connecté", rNAQ, []string{"Lycée connecté", "lyceeconnecte", "lycee-connecte"}},
	{"Toutatice", rBRE, []string{"Toutatice"}},
	{"e-lyco", rPDL, []string{"e-lyco", "elyco"}},
	{"Eclat-BFC", rBFC, []string{"Eclat-BFC", "eclatbfc", "Éclat BFC"}},
	{"Atrium", rPAC, []string{"Atrium", "atrium-sud"}},
	{"NetO'Centre", rCVL, []string{"NetO'Centre", "netocentre", "Net O Centre"}},
	{"L'Educ de Normandie", rNOR, []string{"L'Educ de Normandie", "Educ de Normandie", "leducdenormandie", "educdenormandie"}},
	{"Arsène76", rNOR, []string{"Arsène76", "Arsène 76"}},
	{"ENT Auvergne-Rhône-Alpes", rARA, []string{"ENT Auvergne-Rhône-Alpes", "ENT AURA"}},
	{"laclasse.com", rARA, []string{"laclasse.com", "laclasse"}},
	{"Cybercollèges42", rARA, []string{"Cybercollèges42", "Cybercollèges 42", "cybercollege42"}},
}
