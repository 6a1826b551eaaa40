package scenario

// Region indices into regions (same order as post.Regions).
const (
	rARA = iota
	rBFC
	rBRE
	rCVL
	rCOR
	rGES
	rHDF
	rIDF
	rNOR
	rNAQ
	rOCC
	rPDL
	rPAC
	r971
	r972
	r973
	r974
	r976
	nRegions
	rNational = nRegions // accounts without a region (national media, ministry)
)

// account is a fixed institution or media account.
type account struct {
	handle, name, bio, loc string
}

// pform is one way of naming a platform in a sentence.
type pform struct {
	subj string // as a subject: "le site du CNED"
	obj  string // after "se connecter": "au CNED", "sur pronote"
	g    byte   // agreement: 'm', 'f' or 'p' (plural)
}

type regionInfo struct {
	code   string
	weight float64 // share of the posting population
	// locs are profile locations that identify the region.
	locs []string
	// cities are used for geotags ("Lille, France") and "ici à Lille".
	cities []string
	// ents name the region's ENT (nil: only "l'ENT").
	ents  []pform
	insts []account
	media []account
	// official is the ENT's name in official statements ("" for generic).
	official string
}

var regions = [nRegions]regionInfo{
	rARA: {
		code: "FR-ARA", weight: 12,
		locs: []string{"Lyon", "Lyon, France", "Grenoble", "Clermont-Ferrand", "Saint-Étienne", "Annecy", "Chambéry",
			"Auvergne-Rhône-Alpes", "AURA", "Rhône (69)", "69", "Isère", "Académie de Lyon", "Académie de Grenoble",
			"Villeurbanne", "Lyon 7e", "Haute-Savoie 🏔️", "Puy-de-Dôme"},
		cities: []string{"Lyon", "Grenoble", "Clermont-Ferrand", "Saint-Étienne", "Annecy"},
		ents: []pform{{"l'ENT Auvergne-Rhône-Alpes", "sur l'ENT Auvergne-Rhône-Alpes", 'm'},
			{"l'ENT AURA", "sur l'ENT AURA", 'm'}},
		insts: []account{{"aclyon", "Académie de Lyon", "Compte officiel de l'académie de Lyon", "Lyon"},
			{"acgrenoble", "Académie de Grenoble", "Compte officiel de l'académie de Grenoble", "Grenoble"},
			{"ac_clermont", "Académie de Clermont-Ferrand", "Compte officiel de l'académie de Clermont-Ferrand", "Clermont-Ferrand"}},
		media: []account{{"leprogres", "Le Progrès", "Toute l'actualité de Lyon et de sa région", "Lyon"},
			{"ledauphine", "Le Dauphiné Libéré", "Le quotidien des Alpes", "Grenoble"}},
		official: "l'ENT Auvergne-Rhône-Alpes",
	},
	rBFC: {
		code: "FR-BFC", weight: 4.2,
		locs: []string{"Dijon", "Besançon", "Belfort", "Chalon-sur-Saône", "Auxerre", "Bourgogne-Franche-Comté",
			"Doubs", "Côte-d'Or (21)", "Académie de Dijon", "Académie de Besançon", "Nevers", "Franche-Comté", "Bourgogne 🍷"},
		cities: []string{"Dijon", "Besançon", "Belfort", "Auxerre"},
		ents:   []pform{{"Eclat-BFC", "sur Eclat-BFC", 'm'}, {"l'ENT Eclat", "sur l'ENT Eclat", 'm'}},
		insts: []account{{"acdijon", "Académie de Dijon", "Compte officiel de l'académie de Dijon", "Dijon"},
			{"acbesancon", "Académie de Besançon", "Compte officiel de l'académie de Besançon", "Besançon"}},
		media:    []account{{"lebienpublic", "Le Bien Public", "Le quotidien de la Côte-d'Or", "Dijon"}},
		official: "Eclat-BFC",
	},
	rBRE: {
		code: "FR-BRE", weight: 5,
		locs: []string{"Rennes", "Brest", "Quimper", "Lorient", "Vannes", "Saint-Malo", "Bretagne", "Breizh",
			"Finistère (29)", "29", "Ille-et-Vilaine", "Académie de Rennes", "Morbihan", "Rennes, Bretagne", "Bretagne 🌊"},
		cities: []string{"Rennes", "Brest", "Quimper", "Vannes", "Lorient"},
		ents:   []pform{{"Toutatice", "sur Toutatice", 'm'}, {"toutatice", "sur toutatice", 'm'}},
		insts:  []account{{"acrennes", "Académie de Rennes", "Compte officiel de l'académie de Rennes", "Rennes"}},
		media: []account{{"OuestFrance", "Ouest-France", "Premier quotidien français", "Rennes"},
			{"LeTelegramme", "Le Télégramme", "L'info en Bretagne", "Morlaix, Bretagne"}},
		official: "Toutatice",
	},
	rCVL: {
		code: "FR-CVL", weight: 3.9,
		locs: []string{"Orléans", "Tours", "Bourges", "Chartres", "Blois", "Centre-Val de Loire", "Loiret",
			"Indre-et-Loire (37)", "Académie d'Orléans-Tours", "45", "Châteauroux", "Tours, France", "Touraine"},
		cities: []string{"Orléans", "Tours", "Bourges", "Chartres", "Blois"},
		ents: []pform{{"NetO'Centre", "sur NetO'Centre", 'm'}, {"Netocentre", "sur Netocentre", 'm'},
			{"l'ENT NetOCentre", "sur l'ENT NetOCentre", 'm'}, {"netocentre", "sur netocentre", 'm'},
			{"l'ENT du Centre-Val de Loire", "sur l'ENT du Centre-Val de Loire", 'm'}, {"NETOCENTRE", "sur NETOCENTRE", 'm'}},
		insts: []account{{"acorleanstours", "Académie d'Orléans-Tours", "Compte officiel de l'académie d'Orléans-Tours", "Orléans"},
			{"RegionCVL", "Région Centre-Val de Loire", "Compte officiel de la Région Centre-Val de Loire", "Orléans"}},
		media: []account{{"larep_centre", "La République du Centre", "L'info du Loiret", "Orléans"},
			{"lanouvellerep", "La Nouvelle République", "Le quotidien du Centre-Ouest", "Tours"}},
		official: "NetO'Centre",
	},
	rCOR: {
		code: "FR-COR", weight: 0.5,
		locs:   []string{"Ajaccio", "Bastia", "Corse", "Corsica", "Haute-Corse", "Corse-du-Sud", "Porto-Vecchio", "Académie de Corse", "Corse 🏝️"},
		cities: []string{"Ajaccio", "Bastia", "Porto-Vecchio"},
		insts:  []account{{"accorse", "Académie de Corse", "Compte officiel de l'académie de Corse", "Ajaccio"}},
		media:  []account{{"CorseMatin", "Corse-Matin", "L'actualité de la Corse", "Bastia"}},
	},
	rGES: {
		code: "FR-GES", weight: 8.5,
		locs: []string{"Strasbourg", "Metz", "Nancy", "Reims", "Mulhouse", "Colmar", "Grand Est", "Alsace", "Lorraine",
			"Bas-Rhin", "67", "Moselle (57)", "Académie de Nancy-Metz", "Académie de Strasbourg", "Troyes", "Épinal",
			"Strasbourg 🥨", "Champagne-Ardenne"},
		cities: []string{"Strasbourg", "Metz", "Nancy", "Reims", "Mulhouse"},
		ents: []pform{{"Mon Bureau Numérique", "sur Mon Bureau Numérique", 'm'}, {"mon bureau numérique", "sur mon bureau numérique", 'm'},
			{"MBN", "sur MBN", 'm'}, {"monbureaunumerique.fr", "sur monbureaunumerique.fr", 'm'},
			{"l'ENT Mon Bureau Numérique", "sur l'ENT Mon Bureau Numérique", 'm'}, {"l'ENT MBN", "sur l'ENT MBN", 'm'},
			{"Mon bureau numérique", "sur Mon bureau numérique", 'm'}},
		insts: []account{{"ac_strasbourg", "Académie de Strasbourg", "Compte officiel de l'académie de Strasbourg", "Strasbourg"},
			{"acnancymetz", "Académie de Nancy-Metz", "Compte officiel de l'académie de Nancy-Metz", "Nancy"},
			{"acreims", "Académie de Reims", "Compte officiel de l'académie de Reims", "Reims"},
			{"regiongrandest", "Région Grand Est", "Compte officiel de la Région Grand Est", "Strasbourg"}},
		media: []account{{"DNA_Infos", "DNA", "Dernières Nouvelles d'Alsace", "Strasbourg"},
			{"lestrepublicain", "L'Est Républicain", "Le quotidien lorrain", "Nancy"}},
		official: "Mon Bureau Numérique",
	},
	rHDF: {
		code: "FR-HDF", weight: 9,
		locs: []string{"Lille", "Lille, France", "Roubaix", "Amiens", "Nord (59)", "59", "Pas-de-Calais", "62",
			"Hauts-de-France", "Académie de Lille", "Académie d'Amiens", "Dunkerque", "Calais", "Valenciennes",
			"Beauvais", "Ch'Nord ❤️", "Tourcoing", "Nord-Pas-de-Calais"},
		cities: []string{"Lille", "Roubaix", "Amiens", "Dunkerque", "Calais", "Valenciennes"},
		ents: []pform{{"l'ENT Hauts-de-France", "sur l'ENT Hauts-de-France", 'm'}, {"l'ENT HDF", "sur l'ENT HDF", 'm'},
			{"l'ENT des Hauts-de-France", "sur l'ENT des Hauts-de-France", 'm'}, {"enthdf.fr", "sur enthdf.fr", 'm'},
			{"l'ent hauts de france", "sur l'ent hauts de france", 'm'}, {"l'ENT Hauts de France", "sur l'ENT Hauts de France", 'm'}},
		insts: []account{{"ac_lille", "Académie de Lille", "Compte officiel de l'académie de Lille", "Lille"},
			{"acamiens", "Académie d'Amiens", "Compte officiel de l'académie d'Amiens", "Amiens"},
			{"hautsdefrance", "Région Hauts-de-France", "Compte officiel de la Région Hauts-de-France", "Lille"}},
		media: []account{{"lavoixdunord", "La Voix du Nord", "L'actualité du Nord et du Pas-de-Calais", "Lille"},
			{"F3HautsdeFrance", "France 3 Hauts-de-France", "L'info régionale de France 3", "Lille"},
			{"courrierpicard", "Courrier picard", "Le quotidien de la Picardie", "Amiens"}},
		official: "l'ENT Hauts-de-France",
	},
	rIDF: {
		code: "FR-IDF", weight: 18.5,
		locs: []string{"Paris", "Paris, France", "Paris 11e", "Montreuil", "Saint-Denis (93)", "Seine-Saint-Denis", "93",
			"Val-de-Marne (94)", "Créteil", "Versailles", "IDF", "Île-de-France", "Ile de France", "Académie de Créteil",
			"Académie de Versailles", "Argenteuil", "Nanterre", "Essonne", "Boulogne-Billancourt", "Vincennes 🌳",
			"Paname", "75", "Paris 🗼", "Val-d'Oise (95)"},
		cities: []string{"Paris", "Montreuil", "Créteil", "Versailles", "Nanterre", "Argenteuil", "Vincennes"},
		ents: []pform{{"monlycee.net", "sur monlycee.net", 'm'}, {"Monlycée.net", "sur Monlycée.net", 'm'},
			{"MonLycée.net", "sur MonLycée.net", 'm'}, {"l'ENT monlycee.net", "sur l'ENT monlycee.net", 'm'},
			{"l'ENT Île-de-France", "sur l'ENT Île-de-France", 'm'}, {"l'ENT IDF", "sur l'ENT IDF", 'm'},
			{"MonCollège", "sur MonCollège", 'm'}, {"l'ENT MonCollège", "sur l'ENT MonCollège", 'm'},
			{"moncollege", "sur moncollege", 'm'}, {"mon lycée.net", "sur mon lycée.net", 'm'}},
		insts: []account{{"ac_paris", "Académie de Paris", "Compte officiel de l'académie de Paris", "Paris"},
			{"ac_creteil", "Académie de Créteil", "Compte officiel de l'académie de Créteil", "Créteil"},
			{"ac_versailles", "Académie de Versailles", "Compte officiel de l'académie de Versailles", "Versailles"},
			{"iledefrance", "Région Île-de-France", "Compte officiel de la Région Île-de-France", "Paris"}},
		media: []account{{"le_Parisien", "Le Parisien", "L'actualité de Paris et de l'Île-de-France", "Paris"},
			{"francebleuparis", "France Bleu Paris", "La radio de Paris et de l'Île-de-France", "Paris"}},
		official: "monlycee.net",
	},
	rNOR: {
		code: "FR-NOR", weight: 5,
		locs: []string{"Rouen", "Caen", "Le Havre", "Normandie", "Calvados", "Seine-Maritime (76)", "Cherbourg", "Évreux",
			"Académie de Normandie", "Manche", "14", "Caen, Normandie", "Normandie 🐄"},
		cities: []string{"Rouen", "Caen", "Le Havre", "Cherbourg", "Évreux"},
		ents: []pform{{"l'Educ de Normandie", "sur l'Educ de Normandie", 'f'}, {"l'educ de normandie", "sur l'educ de normandie", 'f'},
			{"l'Éduc de Normandie", "sur l'Éduc de Normandie", 'f'}, {"l'ENT L'Educ de Normandie", "sur l'ENT L'Educ de Normandie", 'm'},
			{"l'ENT normand", "sur l'ENT normand", 'm'}, {"l'ENT de Normandie", "sur l'ENT de Normandie", 'm'}},
		insts: []account{{"ac_normandie", "Académie de Normandie", "Compte officiel de l'académie de Normandie", "Rouen"},
			{"RegionNormandie", "Région Normandie", "Compte officiel de la Région Normandie", "Caen"}},
		media: []account{{"paris_normandie", "Paris-Normandie", "L'info de Rouen et de Normandie", "Rouen"},
			{"ouestfrance_caen", "Ouest-France Caen", "L'actualité de Caen et du Calvados", "Caen"}},
		official: "l'Educ de Normandie",
	},
	rNAQ: {
		code: "FR-NAQ", weight: 9,
		locs: []string{"Bordeaux", "Poitiers", "Limoges", "La Rochelle", "Pau", "Bayonne", "Nouvelle-Aquitaine", "Gironde",
			"33", "Académie de Bordeaux", "Angoulême", "Périgueux", "Pays basque", "Bordeaux 🍷", "Académie de Poitiers"},
		cities: []string{"Bordeaux", "Poitiers", "Limoges", "La Rochelle", "Pau", "Bayonne"},
		ents: []pform{{"Lycée connecté", "sur Lycée connecté", 'm'}, {"lycée connecté", "sur lycée connecté", 'm'},
			{"l'ENT Lycée Connecté", "sur l'ENT Lycée Connecté", 'm'}, {"lyceeconnecte.fr", "sur lyceeconnecte.fr", 'm'},
			{"l'ENT de Nouvelle-Aquitaine", "sur l'ENT de Nouvelle-Aquitaine", 'm'}, {"lycee connecte", "sur lycee connecte", 'm'}},
		insts: []account{{"acbordeaux", "Académie de Bordeaux", "Compte officiel de l'académie de Bordeaux", "Bordeaux"},
			{"acpoitiers", "Académie de Poitiers", "Compte officiel de l'académie de Poitiers", "Poitiers"},
			{"aclimoges", "Académie de Limoges", "Compte officiel de l'académie de Limoges", "Limoges"},
			{"NvelleAquitaine", "Région Nouvelle-Aquitaine", "Compte officiel de la Région Nouvelle-Aquitaine", "Bordeaux"}},
		media: []account{{"sudouest", "Sud Ouest", "L'actualité du Sud-Ouest", "Bordeaux"},
			{"charentelibre", "Charente Libre", "Le quotidien de la Charente", "Angoulême"}},
		official: "Lycée connecté",
	},
	rOCC: {
		code: "FR-OCC", weight: 9,
		locs: []string{"Toulouse", "Toulouse 🌞", "Montpellier", "Nîmes", "Perpignan", "Occitanie", "Haute-Garonne", "31",
			"Hérault (34)", "Académie de Toulouse", "Académie de Montpellier", "Albi", "Béziers", "Carcassonne",
			"Toulouse, France", "Montpellier ☀️"},
		cities: []string{"Toulouse", "Montpellier", "Nîmes", "Perpignan", "Albi", "Béziers"},
		ents: []pform{{"l'ENT Occitanie", "sur l'ENT Occitanie", 'm'}, {"mon ENT Occitanie", "sur mon ENT Occitanie", 'm'},
			{"MonENT Occitanie", "sur MonENT Occitanie", 'm'}, {"l'ENT de la région Occitanie", "sur l'ENT de la région Occitanie", 'm'},
			{"l'ent occitanie", "sur l'ent occitanie", 'm'}, {"mon ent occitanie", "sur mon ent occitanie", 'm'}},
		insts: []account{{"ac_toulouse", "Académie de Toulouse", "Compte officiel de l'académie de Toulouse", "Toulouse"},
			{"acmontpellier", "Académie de Montpellier", "Compte officiel de l'académie de Montpellier", "Montpellier"},
			{"laregion", "Région Occitanie", "Compte officiel de la Région Occitanie / Pyrénées-Méditerranée", "Toulouse"}},
		media: []account{{"ladepechedumidi", "La Dépêche du Midi", "L'info de Toulouse et d'Occitanie", "Toulouse"},
			{"Midilibre", "Midi Libre", "L'actualité de Montpellier et de l'Hérault", "Montpellier"}},
		official: "l'ENT Occitanie",
	},
	rPDL: {
		code: "FR-PDL", weight: 5.7,
		locs: []string{"Nantes", "Angers", "Le Mans", "Saint-Nazaire", "La Roche-sur-Yon", "Pays de la Loire",
			"Loire-Atlantique (44)", "44", "Vendée", "Sarthe", "Académie de Nantes", "Laval", "Nantes 🐘"},
		cities: []string{"Nantes", "Angers", "Le Mans", "Saint-Nazaire", "Laval"},
		ents:   []pform{{"e-lyco", "sur e-lyco", 'm'}, {"E-lyco", "sur E-lyco", 'm'}, {"l'ENT e-lyco", "sur l'ENT e-lyco", 'm'}},
		insts:  []account{{"acnantes", "Académie de Nantes", "Compte officiel de l'académie de Nantes", "Nantes"}},
		media: []account{{"presseocean", "Presse Océan", "L'actualité de Nantes", "Nantes"},
			{"lemainelibre", "Le Maine Libre", "L'info de la Sarthe", "Le Mans"}},
		official: "e-lyco",
	},
	rPAC: {
		code: "FR-PAC", weight: 7.5,
		locs: []string{"Marseille", "Nice", "Toulon", "Aix-en-Provence", "Avignon", "Cannes", "PACA", "Provence",
			"Bouches-du-Rhône", "13", "Var (83)", "Académie d'Aix-Marseille", "Académie de Nice", "Marseille ⚓",
			"Provence-Alpes-Côte d'Azur", "Côte d'Azur"},
		cities: []string{"Marseille", "Nice", "Toulon", "Aix-en-Provence", "Avignon"},
		ents:   []pform{{"Atrium", "sur Atrium", 'm'}, {"l'ENT Atrium", "sur l'ENT Atrium", 'm'}},
		insts: []account{{"acaixmarseille", "Académie d'Aix-Marseille", "Compte officiel de l'académie d'Aix-Marseille", "Marseille"},
			{"ac_nice", "Académie de Nice", "Compte officiel de l'académie de Nice", "Nice"}},
		media: []account{{"laprovence", "La Provence", "L'actualité de Marseille et de Provence", "Marseille"},
			{"Nicematin", "Nice-Matin", "L'info de la Côte d'Azur", "Nice"}},
		official: "Atrium",
	},
	r971: {
		code: "FR-971", weight: 0.6,
		locs:   []string{"Pointe-à-Pitre", "Basse-Terre", "Guadeloupe", "Guadeloupe 🇬🇵", "971", "Les Abymes", "Gwada"},
		cities: []string{"Pointe-à-Pitre", "Basse-Terre", "Les Abymes"},
		insts:  []account{{"acguadeloupe", "Académie de la Guadeloupe", "Compte officiel de l'académie de la Guadeloupe", "Guadeloupe"}},
		media:  []account{{"FAGuadeloupe", "France-Antilles Guadeloupe", "L'info de la Guadeloupe", "Pointe-à-Pitre"}},
	},
	r972: {
		code: "FR-972", weight: 0.55,
		locs:   []string{"Fort-de-France", "Martinique", "Madinina", "972", "Le Lamentin", "Martinique 🌴"},
		cities: []string{"Fort-de-France", "Le Lamentin"},
		insts:  []account{{"acmartinique", "Académie de la Martinique", "Compte officiel de l'académie de la Martinique", "Fort-de-France"}},
		media:  []account{{"martinique1ere", "Martinique la 1ère", "L'info de la Martinique", "Fort-de-France"}},
	},
	r973: {
		code: "FR-973", weight: 0.45,
		locs:   []string{"Cayenne", "Guyane", "Kourou", "Saint-Laurent-du-Maroni", "973", "Guyane française"},
		cities: []string{"Cayenne", "Kourou"},
		insts:  []account{{"acguyane", "Académie de la Guyane", "Compte officiel de l'académie de la Guyane", "Cayenne"}},
		media:  []account{{"guyane1ere", "Guyane la 1ère", "L'info de la Guyane", "Cayenne"}},
	},
	r974: {
		code: "FR-974", weight: 1.3,
		locs: []string{"Saint-Denis (974)", "La Réunion", "Réunion 🌋", "974", "Saint-Pierre (974)", "Le Tampon",
			"Saint-Paul, La Réunion", "île de la Réunion"},
		cities: []string{"Saint-Denis, La Réunion", "Saint-Pierre, La Réunion", "Le Tampon"},
		insts:  []account{{"acreunion", "Académie de La Réunion", "Compte officiel de l'académie de La Réunion", "Saint-Denis (974)"}},
		media:  []account{{"clicanoo", "Le Journal de l'île", "L'actualité de La Réunion", "Saint-Denis (974)"}},
	},
	r976: {
		code: "FR-976", weight: 0.45,
		locs:   []string{"Mamoudzou", "Mayotte", "976", "Dzaoudzi", "Mayotte 🏝️"},
		cities: []string{"Mamoudzou", "Dzaoudzi"},
		insts:  []account{{"vicerectorat976", "Rectorat de Mayotte", "Compte officiel du rectorat de Mayotte", "Mamoudzou"}},
		media:  []account{{"mayotte1ere", "Mayotte la 1ère", "L'info de Mayotte", "Mamoudzou"}},
	},
}

// National accounts: no region.
var (
	nationalInsts = []account{
		{"education_gouv", "Éducation nationale", "Compte officiel du ministère de l'Éducation nationale, de la Jeunesse et des Sports", "France"},
		{"CNED", "CNED", "Compte officiel du Centre national d'enseignement à distance", ""},
		{"IndexEducation", "Index Éducation", "Éditeur de PRONOTE", ""},
		{"ReseauCanope", "Réseau Canopé", "Le réseau de création et d'accompagnement pédagogiques", "France"},
		{"lumni_fr", "Lumni", "La plateforme éducative de l'audiovisuel public", ""},
	}
	nationalMedia = []account{
		{"lemondefr", "Le Monde", "Toute l'actualité en continu", ""},
		{"franceinfo", "franceinfo", "L'info en continu du service public", "France"},
		{"20minutes", "20 Minutes", "L'actu en continu", ""},
		{"Figaro_Etudiant", "Le Figaro Étudiant", "L'actualité de l'éducation et de l'orientation", "France"},
		{"libe", "Libération", "Le compte officiel de Libération", ""},
		{"cafepedagogique", "Le Café pédagogique", "Le quotidien de l'actualité éducative", ""},
		{"VousNousIls", "VousNousIls", "L'e-mag de l'éducation", "France"},
		{"BFMTV", "BFMTV", "Première chaîne d'info de France", ""},
		{"letudiant", "L'Étudiant", "Orientation, études, métiers", ""},
		{"claire_educ", "Claire Morvan", "Journaliste éducation. Avis perso.", ""},
		{"tbernard_info", "Thomas Bernard", "Journaliste éducation @franceinfo", "France"},
		{"mlfavier", "Marie-Laure Favier", "Journaliste société/éducation, ex-prof", ""},
	}
)

// regionCum holds the cumulative population weights of the regions.
var regionCum = func() []float64 {
	ws := make([]float64, nRegions)
	for i := range regions {
		ws[i] = regions[i].weight
	}
	return cumulate(ws)
}()

// Profile locations that do not identify a region. "" is the most common.
var vagueLocs = []string{
	"", "", "", "", "", "", "", "", "", "",
	"France", "France 🇫🇷", "🇫🇷", "🌍", "sur la lune", "entre deux visios", "dans ma cuisine", "derrière mon écran",
	"quelque part en France", "Terre", "chez moi", "🏠", "Saint-Denis", "la zone", "Europe", "au fond de la classe",
	"en confinement", "ailleurs", "là où il y a du wifi", "partout et nulle part", "Hexagone", "Planète Terre 🌍",
	"ici", "Saint-Pierre", "France métropolitaine", "sur mon canapé", "au pays des devoirs", "🇫🇷🇪🇺", "Francia",
}

// Generic ENT names (no region).
var entGeneric = []pform{
	{"l'ENT", "sur l'ENT", 'm'}, {"l'ENT", "sur l'ENT", 'm'}, {"l'ent", "sur l'ent", 'm'}, {"l'E.N.T.", "sur l'E.N.T.", 'm'},
	{"l'espace numérique de travail", "sur l'espace numérique de travail", 'm'}, {"l'ENT du collège", "sur l'ENT du collège", 'm'},
	{"l'ENT du lycée", "sur l'ENT du lycée", 'm'}, {"notre ENT", "sur notre ENT", 'm'}, {"l'ENT de la région", "sur l'ENT de la région", 'm'},
	{"l'ENT de l'école", "sur l'ENT de l'école", 'm'}, {"l'ENT", "à l'ENT", 'm'}, {"l'ENT", "à l'ENT", 'm'},
}

var cnedForms = []pform{
	{"le CNED", "au CNED", 'm'}, {"le CNED", "sur le CNED", 'm'}, {"le Cned", "au Cned", 'm'}, {"le cned", "sur le cned", 'm'},
	{"le site du CNED", "sur le site du CNED", 'm'}, {"le site du cned", "sur le site du cned", 'm'},
	{"ma classe à la maison", "sur ma classe à la maison", 'f'}, {"Ma classe à la maison", "sur Ma classe à la maison", 'f'},
	{"les classes virtuelles du Cned", "aux classes virtuelles du Cned", 'p'}, {"la classe virtuelle du CNED", "à la classe virtuelle du CNED", 'f'},
	{"la plateforme du CNED", "sur la plateforme du CNED", 'f'}, {"le CNED (ma classe à la maison)", "au CNED (ma classe à la maison)", 'm'},
	{"#CNED", "sur #CNED", 'm'}, {"college.cned.fr", "sur college.cned.fr", 'm'}, {"ecole.cned.fr", "sur ecole.cned.fr", 'm'},
	{"lycee.cned.fr", "sur lycee.cned.fr", 'm'}, {"les serveurs du CNED", "sur les serveurs du CNED", 'p'},
	{"la classe virtuelle du Cned", "sur la classe virtuelle du Cned", 'f'}, {"le site ma classe à la maison", "sur le site ma classe à la maison", 'm'},
	{"les classes virtuelles du CNED", "sur les classes virtuelles du CNED", 'p'}, {"CNED", "sur CNED", 'm'},
}

var pronoteForms = []pform{
	{"Pronote", "sur Pronote", 'm'}, {"Pronote", "sur Pronote", 'm'}, {"pronote", "sur pronote", 'm'}, {"pronote", "sur pronote", 'm'},
	{"PRONOTE", "sur PRONOTE", 'm'}, {"l'appli Pronote", "sur l'appli Pronote", 'f'}, {"l'appli pronote", "sur l'appli pronote", 'f'},
	{"le site pronote", "sur le site pronote", 'm'}, {"le Pronote du collège", "sur le Pronote du collège", 'm'},
	{"le pronote du lycée", "sur le pronote du lycée", 'm'}, {"#Pronote", "sur #Pronote", 'm'},
	{"l'espace parents Pronote", "sur l'espace parents Pronote", 'm'}, {"l'espace élève de pronote", "sur l'espace élève de pronote", 'm'},
	{"Pronote (Index Éducation)", "sur Pronote (Index Éducation)", 'm'},
}

var visioForms = []pform{
	{"Zoom", "sur Zoom", 'm'}, {"Teams", "sur Teams", 'm'}, {"Discord", "sur Discord", 'm'}, {"BBB", "sur BBB", 'm'},
	{"la visio", "à la visio", 'f'}, {"Jitsi", "sur Jitsi", 'm'}, {"Google Meet", "sur Google Meet", 'm'},
	{"la visio du collège", "à la visio du collège", 'f'}, {"Big Blue Button", "sur Big Blue Button", 'm'}, {"teams", "sur teams", 'm'},
}
