package scenario

// Fragments are templates; these markers are expanded by gen.tpl:
//
//	§ a target of blame (Blanquer, the ministry...)   ¤ the platform, as a subject
//	¢ the platform after "se connecter" ("sur pronote") ¦ a symptom agreeing with ¤
//	£ the post's time ("9h05")                          ¨ the time the incident began
//	¥ minutes since the incident began                  © the author's class ("4e", "CM1")
//	® the author's number of children                   ª "e" when the author is a woman
//	¬ "de SVT", "d'anglais": a school subject           ± a city of the author's region
//	µ a class size                                      ¹ how many pupils are connected
//	¯ when (media headlines)                            ~ a link
//	³ nothing, but marks a mention of video classes (platform "visio")
//
// Fragments start in lower case; sentence starts are fixed afterwards.

// symptom agrees with a subject: masculine, feminine, plural.
type symptom [3]string

var symptoms = []symptom{
	{"plante", "plante", "plantent"},
	{"plante", "plante", "plantent"},
	{"rame", "rame", "rament"},
	{"rame à mort", "rame à mort", "rament à mort"},
	{"est inaccessible", "est inaccessible", "sont inaccessibles"},
	{"est HS", "est HS", "sont HS"},
	{"est hs", "est hs", "sont hs"},
	{"est down", "est down", "sont down"},
	{"ne répond plus", "ne répond plus", "ne répondent plus"},
	{"est en carafe", "est en carafe", "sont en carafe"},
	{"affiche une page blanche", "affiche une page blanche", "affichent une page blanche"},
	{"renvoie une erreur 503", "renvoie une erreur 503", "renvoient une erreur 503"},
	{"a lâché", "a lâché", "ont lâché"},
	{"est complètement saturé", "est complètement saturée", "sont complètement saturés"},
	{"est saturé", "est saturée", "sont saturés"},
	{"tourne dans le vide", "tourne dans le vide", "tournent dans le vide"},
	{"crashe", "crashe", "crashent"},
	{"bugue", "bugue", "buguent"},
	{"beugue de partout", "beugue de partout", "beuguent de partout"},
	{"est mort", "est morte", "sont morts"},
	{"marche pas", "marche pas", "marchent pas"},
	{"ne marche plus", "ne marche plus", "ne marchent plus"},
	{"ne fonctionne pas", "ne fonctionne pas", "ne fonctionnent pas"},
	{"est tombé", "est tombée", "sont tombés"},
	{"charge à l'infini", "charge à l'infini", "chargent à l'infini"},
	{"est en rade", "est en rade", "sont en rade"},
	{"est aux fraises", "est aux fraises", "sont aux fraises"},
	{"nous déconnecte toutes les 2 minutes", "nous déconnecte toutes les 2 minutes", "nous déconnectent toutes les 2 minutes"},
	{"met une éternité à charger", "met une éternité à charger", "mettent une éternité à charger"},
	{"est à l'agonie", "est à l'agonie", "sont à l'agonie"},
	{"a encore sauté", "a encore sauté", "ont encore sauté"},
	{"refuse de charger", "refuse de charger", "refusent de charger"},
	{"est dans les choux", "est dans les choux", "sont dans les choux"},
	{"lag de ouf", "lag de ouf", "lag de ouf"},
	{"est KO", "est KO", "sont KO"},
	{"s'est effondré", "s'est effondrée", "se sont effondrés"},
	{"est indisponible", "est indisponible", "sont indisponibles"},
	{"ne charge même pas", "ne charge même pas", "ne chargent même pas"},
	{"affiche « service indisponible »", "affiche « service indisponible »", "affichent « service indisponible »"},
	{"met ¥ minutes à afficher une page", "met ¥ minutes à afficher une page", "mettent ¥ minutes à afficher une page"},
	{"tient pas la charge", "tient pas la charge", "tiennent pas la charge"},
	{"est en PLS", "est en PLS", "sont en PLS"},
	{"ne répond pas", "ne répond pas", "ne répondent pas"},
	{"est planté", "est plantée", "sont plantés"},
}

// symptomPhrases describe the malfunction on their own; ¢ follows.
var symptomPhrases = []string{
	"erreur 503 ¢", "page blanche ¢", "écran blanc ¢", "connexion impossible ¢", "chargement infini ¢",
	"« service indisponible » ¢", "erreur 504 Gateway Time-out ¢", "erreur 502 Bad Gateway ¢",
	"« trop de connexions simultanées » ¢", "message d'erreur ¢", "bug total ¢", "0 connexion possible ¢",
	"toujours rien ¢", "déconnexion toutes les 2 minutes ¢", "« le serveur ne répond pas » ¢",
	"« une erreur est survenue » ¢", "« Erreur lors de l'authentification » ¢", "impossible d'ouvrir la moindre page ¢",
	"le petit rond qui tourne ¢", "la roue qui tourne à l'infini ¢", "écran de chargement ¢", "erreur 500 ¢",
	"« Service Unavailable » ¢", "timeout ¢", "gros bug ¢", "rien ne charge ¢", "ça tourne dans le vide ¢",
	"ça charge dans le vide ¢", "« Le site est momentanément indisponible » ¢", "panne générale ¢",
}

var connectFails = []string{
	"impossible de se connecter ¢", "impossible de se co ¢", "pas moyen de se connecter ¢", "j'arrive pas à me connecter ¢",
	"jarrive pas a me co ¢", "toujours pas réussi à me connecter ¢", "aucun moyen de se connecter ¢",
	"je n'arrive plus à me connecter ¢", "impossible de me connecter ¢", "ça fait ¥ minutes que j'essaie de me connecter ¢",
	"j'ai essayé 10 fois de me connecter ¢, rien", "connexion refusée ¢", "impossible d'accéder à quoi que ce soit ¢",
}

var outageOpeners = []string{
	"bon.", "sérieux ?", "sérieux", "évidemment", "et voilà", "bah voilà", "sans surprise,", "comme prévu,", "jpp",
	"ah bah bravo", "génial.", "super 🙃", "alerte :", "ça commence bien :", "premier jour et déjà", "mdr", "incroyable.",
	"bon ben", "rebelote :", "allô ?", "donc", "jour 1 :", "pfff", "youpi.", "ah.", "classique.", "oh non", "au secours",
	"help", "quelle surprise :", "alors", "wsh", "nan mais", "et bim", "ça y est,", "£ et", "£ :", "bonjour,", "hello,",
	"urgent :", "le retour :", "en direct de ma cuisine :", "info :", "allez,", "bref,", "oula", "aïe",
}

var outageQuestions = []string{
	"c'est moi ou ¤ ¦ ?", "quelqu'un d'autre a ¤ qui ¦ ?", "¤ ¦ chez vous aussi ?", "il y a un souci ¢ ? ici ça ¦",
	"quelqu'un a réussi à se connecter ¢ ? ici ¤ ¦", "c'est normal que ¤ ¦ ?", "¤ ¦, c'est général ?",
	"vous aussi ¤ ¦ ?", "on est combien à galérer ¢ là ? ¤ ¦", "y a que chez moi que ¤ ¦ ?",
	"des nouvelles ¢ ? ¤ ¦ depuis ¨", "quelqu'un sait quand ¤ remarchera ? ¤ ¦", "¤ ¦ ou c'est ma box ?",
	"c'est prévu quand le retour ¢ ? ¤ ¦ depuis ¨",
}

var sarcasmTails = []string{
	"le premier jour, qui aurait pu prévoir 🙃", "pile à l'heure du cours, on est gâtés", "comme l'an dernier, la tradition est respectée",
	"alors qu'on nous avait promis que tout était prêt", "incroyable, personne ne l'avait vu venir", "c'est devenu un running gag",
	"je suis même pas surprisª", "tout va très bien madame la marquise", "le jour de la reprise, quelle originalité",
	"on ne change pas une équipe qui gagne", "#surprise", "qui est surpris ? personne", "un grand classique",
}

var shortSymptoms = []string{
	"hs", "HS", "down", "mort", "KO", "en PLS", "🔥🔥🔥", "➡️ erreur 503", "RIP", "out", "à terre", "💀", "en carafe",
	"hors service", "HS ???", "down ??", "en rade", "💥", "planté", "aux fraises",
}

var durationPhrases = []string{
	"ça fait ¥ min que j'essaie de me connecter ¢", "¥e tentative de connexion ¢... toujours rien",
	"¥ minutes que je fixe une page blanche ¢", "ça fait ¥ minutes que ça tourne ¢", "¥ minutes d'attente ¢ pour rien",
	"depuis ¨ j'essaie de me connecter ¢", "ça fait ¥ minutes que ¤ ¦", "¥ min que ¤ ¦",
}

var teacherFrames = []string{
	"classe virtuelle prévue à £, ¤ ¦", "µ élèves qui m'attendent et ¤ ¦", "j'avais tout préparé hier soir et ¤ ¦",
	"cours ¬ à £... ¤ ¦", "mes © attendent leur cours et ¤ ¦", "premier cours de la journée, ¤ ¦",
	"je devais faire cours à mes © à £ mais ¤ ¦", "interro prévue ¢ ce matin, sauf que ¤ ¦",
	"j'essaie de déposer le travail de mes © mais ¤ ¦", "réunion d'équipe annulée, cours annulés : ¤ ¦",
}

var parentFrames = []string{
	"® enfants devant l'écran et ¤ ¦", "® enfants, ® codes, 0 connexion : ¤ ¦", "télétravail + ® enfants + ¤ qui ¦ = 🤯",
	"mon fils essaie de se connecter ¢ depuis ¨, ¤ ¦", "ma fille attend son cours et ¤ ¦",
	"les enfants sont prêts, le chocolat chaud aussi, ¤ ¦", "le grand doit rendre un devoir ¢ et ¤ ¦",
	"la petite pleure parce que ¤ ¦", "j'essaie de récupérer les devoirs des enfants ¢ mais ¤ ¦",
	"réveil à 7h pour être prêts à 8h30... et ¤ ¦",
}

var pupilFrames = []string{
	"jpp ¤ ¦", "mdrr ¤ ¦ jvais rater mon cours", "¤ ¦ donc pas de cours ¬ 🤷", "wsh ¤ ¦ depuis ¨",
	"¤ ¦ et la prof croit qu'on sèche", "levé à £ pour rien, ¤ ¦", "sah ¤ ¦", "¤ ¦ jsuis dégoûtéª",
	"askip ¤ ¦ partout", "frr ¤ ¦ jpeux pas rendre mon devoir", "¤ ¦ c'est une dinguerie",
	"j'ai un contrôle à £ et ¤ ¦ 💀",
}

var consequences = [4][]string{
	roleParent: {
		"les enfants peuvent pas récupérer leurs devoirs", "mon fils attend devant l'écran depuis tout à l'heure",
		"comment on fait pour les devoirs ??", "ma fille est au bord des larmes", "je suis en télétravail moi, je fais comment ?",
		"le petit avait une évaluation à 10h", "impossible de voir l'emploi du temps des enfants", "ma grande de 4e est perdue",
		"et moi j'ai une réunion dans 10 minutes", "les enfants sont ravis, moi beaucoup moins", "on fait comment pour le cahier de texte ?",
		"j'ai ® enfants qui m'appellent en même temps", "on va faire du coloriage du coup", "et la maîtresse qui attend les photos des exercices",
		"ça commence fort cette semaine", "mes ® loulous tournent en rond",
	},
	roleTeacher: {
		"µ élèves dans la nature", "ma classe virtuelle est morte avant d'avoir commencé", "j'avais tout préparé hier soir",
		"mes © attendent", "je bascule sur Discord", "plan B : les exercices par mail", "impossible de déposer le travail du jour",
		"je peux même pas faire l'appel", "mes élèves m'envoient des mails paniqués", "cours de £ annulé de fait",
		"j'envoie tout par mail, tant pis", "vive le téléphone et les SMS aux parents", "on repassera pour la continuité pédagogique",
		"je fais cours à qui moi ?", "¹ connectés sur µ avant que ça saute", "force aux collègues",
	},
	rolePupil: {
		"jvais pas pouvoir rendre mon DM", "tant pis pour le cours de maths", "retour au lit 😴", "la prof va croire que je sèche",
		"on a un contrôle à 10h mdr", "du coup je fais quoi moi", "bon bah je retourne dormir", "même pas moyen de voir les devoirs",
		"c'est cadeau", "jvais jouer à la play en attendant", "ça m'arrange pas du tout (si un peu)", "mon prof de physique va m'incendier",
		"le groupe de classe est en feu 🔥", "personne n'arrive à se co dans ma classe",
	},
	roleUnknown: {
		"c'est la cata", "bravo la préparation", "ça promet", "on est le 6 avril 2021 hein", "et ça étonne qui ?",
		"la journée va être longue", "courage à tous", "pensée pour les parents", "pauvres profs",
	},
}

var outageClosers = []string{
	"", "", "", "", "😤", "🙄", "😭", "🤡", "💀", "🤦‍♀️", "🤦‍♂️", "😡", "🥲", "🙃", "😩", "...", "!!!", "bravo.", "merci.",
	"génial.", "on y croit", "vivement demain", "c'est reparti", "comme l'an dernier", "on a l'habitude", "quelle blague",
	"lol", "mdr", "ptdr", "bref.", "la base", "c'est beau", "courage à tous", "courage les parents", "qui d'autre ?",
	"vous aussi ?", "chez vous aussi ?", "help", "😩😩", "🤦", "🙄🙄🙄", "la lose", "c'est la fête", "ça promet", "au top 👍",
}

var outageComplaintTails = []string{
	"on nous avait promis que tout était prêt", "merci @jmblanquer", "bravo le ministère", "un an pour se préparer et voilà",
	"#BlanquerDemission", "on nous prend vraiment pour des idiots", "qui va assumer ?", "« tout est prêt » qu'il disait",
}

var timeRefs = []string{
	"depuis ¨", "depuis ¨", "depuis ce matin", "depuis ¥ min", "depuis ¥ minutes", "depuis une heure", "depuis le début",
	"ce matin", "encore", "toujours", "depuis l'ouverture des cours", "depuis tout à l'heure", "là", "en ce moment",
	"à l'instant", "dès ¨", "depuis ¨ pile",
}

var errorQuotes = []string{
	"« 503 Service Unavailable »", "« Service temporairement indisponible »", "« Erreur 502 Bad Gateway »",
	"« Le site est momentanément indisponible »", "« Une erreur est survenue »", "« Too many connections »",
	"« Votre session a expiré »", "« Connexion au serveur impossible »", "« Erreur 504 »", "« Maintenance en cours »",
	"« Impossible d'afficher la page »", "« Le serveur met trop de temps à répondre »",
}

// Institutions announcing an outage.
var (
	instAlerts   = []string{"⚠️", "🔴", "[INFO]", "information :", "📢", "⚠️ Information :", "", "[Continuité pédagogique]", "ℹ️"}
	instTroubles = [3][]string{
		{"rencontre actuellement des difficultés d'accès", "est momentanément indisponible", "connaît des lenteurs importantes",
			"est temporairement inaccessible", "subit un fort ralentissement", "connaît un incident technique", "est actuellement perturbé"},
		{"rencontre actuellement des difficultés d'accès", "est momentanément indisponible", "connaît des lenteurs importantes",
			"est temporairement inaccessible", "subit un fort ralentissement", "connaît un incident technique", "est actuellement perturbée"},
		{"rencontrent actuellement des difficultés d'accès", "sont momentanément indisponibles", "connaissent des lenteurs importantes",
			"sont temporairement inaccessibles", "subissent un fort ralentissement", "connaissent un incident technique", "sont actuellement perturbées"},
	}
	instCauses = []string{"en raison d'une très forte affluence", "suite à un afflux massif de connexions",
		"en raison d'un incident technique chez notre prestataire", "", "", "en raison d'une sollicitation exceptionnelle",
		"en raison d'un nombre de connexions sans précédent"}
	instCNEDCauses = []string{"suite à des attaques informatiques", "en raison d'attaques informatiques venues de l'étranger",
		"en raison d'une affluence exceptionnelle", "suite à une attaque par déni de service"}
	instActions = []string{"Nos équipes sont mobilisées pour rétablir le service au plus vite.",
		"Les équipes techniques travaillent à son rétablissement.", "Un retour à la normale est attendu dans les prochaines heures.",
		"Nous vous tiendrons informés de l'évolution de la situation.", "Nous mettons tout en œuvre pour rétablir l'accès.",
		"Les enseignants peuvent transmettre le travail par messagerie en attendant.", ""}
	instThanks = []string{"Merci de votre compréhension.", "Merci de votre patience.", "Merci de privilégier les connexions en dehors des heures de pointe.",
		"", "Nous vous prions de nous excuser pour la gêne occasionnée."}
	officialCNED = []pform{
		{"le service Ma classe à la maison", "", 'm'}, {"les classes virtuelles du CNED", "", 'p'},
		{"la plateforme Ma classe à la maison du CNED", "", 'f'}, {"le site du CNED", "", 'm'},
	}
)

// Media headlines about an outage: mediaSymptoms agree with ¤.
var (
	mediaPrefixes = []string{"", "", "", "🔴 ", "EN DIRECT | ", "VIDÉO - ", "INFO - ", "⚡ ", "[Éducation] ", "Confinement : ", "DIRECT. "}
	mediaSymptoms = []symptom{
		{"inaccessible", "inaccessible", "inaccessibles"}, {"en panne", "en panne", "en panne"}, {"saturé", "saturée", "saturés"},
		{"victime de bugs", "victime de bugs", "victimes de bugs"}, {"hors service", "hors service", "hors service"},
		{"à l'arrêt", "à l'arrêt", "à l'arrêt"}, {"ne répond plus", "ne répond plus", "ne répondent plus"},
		{"en difficulté", "en difficulté", "en difficulté"}, {"tombe en panne", "tombe en panne", "tombent en panne"},
	}
	mediaWhens     = []string{"dès le premier jour", "ce mardi matin", "pour la reprise des cours à distance", "au premier jour de l'école à la maison", "", "dès 9 heures", "ce mardi"}
	mediaHeadlines = []string{
		"¤ ¦ ¯", "écoles fermées : ¤ ¦ ¯", "rentrée à distance : ¤ ¦, les parents désemparés", "« impossible de se connecter » : ¤ ¦ ce mardi matin",
		"cyberattaque ou saturation ? ¤ ¦", "enseignement à distance : premiers bugs ¢", "¤ ¦ : des milliers d'élèves privés de cours",
		"école à la maison : ¤ ¦ ¯", "confinement scolaire : ¤ ¦ ¯, le ministère évoque une forte affluence",
		"les élèves privés de cours : ¤ ¦ ¯", "pourquoi ¤ ¦ ¯ ? on fait le point", "continuité pédagogique : ¤ ¦ ¯",
	}
)

// Complaints: § is a target of blame.
var (
	targets = []string{"Blanquer", "Blanquer", "@jmblanquer", "@jmblanquer", "Jean-Michel Blanquer", "JMB", "le ministre", "le ministère",
		"l'Éducation nationale", "l'EN", "le gouvernement", "la rue de Grenelle", "@education_gouv", "notre cher ministre"}
	complaintClaims = []string{
		"§ nous avait promis que tout était prêt", "on nous avait promis que tout était prêt", "on nous avait dit que tout était prêt",
		"§ jurait encore la semaine dernière que tout était prêt", "un an pour se préparer et rien n'a été anticipé",
		"un an qu'on sait que ça peut arriver et rien n'a été fait", "§ se fout de nous", "§ nous prend pour des idiots",
		"§ devrait avoir honte", "§ ose parler de cyberattaques venues de l'étranger", "les profs se débrouillent seuls pendant que § fait des plateaux télé",
		"quel mépris pour les profs, les parents et les élèves", "c'est un scandale d'État", "amateurisme total au ministère",
		"toujours les mêmes promesses, jamais les moyens", "ras-le-bol de ce ministère hors-sol", "§ a préféré financer le SNU plutôt que le numérique éducatif",
		"combien de temps encore va-t-on nous mentir ?", "on paie les pots cassés de l'incompétence de §", "§ est le seul responsable de ce fiasco",
		"c'est toujours les mêmes qui trinquent : les familles sans ordi", "la continuité pédagogique, c'est du vent",
		"la « continuité pédagogique » version § : débrouillez-vous", "« nous sommes prêts » qu'il disait 🤡",
		"§ découvre que les familles n'ont pas toutes 3 ordis", "les profs n'ont reçu aucune consigne avant hier soir 22h",
		"zéro anticipation, zéro excuse", "§ n'a jamais mis les pieds dans une classe de REP", "les annonces à la télé avant les consignes aux profs, comme d'hab",
		"on apprend tout par BFM, jamais par § lui-même", "§ passe son temps à mentir", "des milliards pour rien",
		"§ méprise ouvertement les enseignants", "les élèves décrocheurs, § s'en moque", "encore une fois on nous laisse seuls",
		"c'est indigne d'un pays comme la France", "§ nous explique que « tout va bien », on vit pas dans le même monde",
		"§ préfère accuser les « pirates » que d'assumer", "la com' avant les élèves, toujours", "gouverner c'est prévoir, paraît-il",
	}
	complaintPlatformClaims = []string{
		"des millions dépensés pour ¤, pour quoi au final ?", "on nous vend ¤ comme la solution miracle depuis un an",
		"§ qui défend encore ¤ à la télé, sérieux ?", "confier la continuité pédagogique à ¤, quelle idée",
		"§ nous assurait que ¤ serait à la hauteur", "on a eu un an pour renforcer ¤ et § n'a rien fait",
		"la Région a mis des millions dans ¤ et personne ne rend de comptes",
	}
	complaintDemands = []string{
		"démission !", "démission.", "on veut des excuses", "il faut des moyens, maintenant", "des ordis pour tous les élèves, c'est pas compliqué",
		"qu'on arrête de nous prendre pour des imbéciles", "il est temps que § rende des comptes", "une commission d'enquête, vite",
		"on exige un vrai plan pour le numérique éducatif", "recrutez des profs au lieu de faire de la com'", "rendez-nous nos moyens",
		"qu'il démissionne", "assumez !", "il faut qu'il parte", "stop au mépris", "on attend des réponses, pas des tweets",
	}
	complaintPrefixes = [4][]string{
		roleParent:  {"en tant que parent,", "parent de ® enfants :", "les parents en ont marre :", "maman/papa épuisé ici :", "", "", ""},
		roleTeacher: {"en tant que prof,", "collègues,", "prof depuis 15 ans et", "côté profs :", "", "", "", "prof ¬ ici :"},
		rolePupil:   {"même nous les élèves on voit que", "sérieux", "mdr", "askip", "", ""},
		roleUnknown: {"", "", "", "franchement,", "soyons clairs :", "je le dis :"},
	}
	complaintClosers = []string{"", "", "", "honte.", "😡", "🤬", "👏👏", "bravo.", "pathétique.", "lamentable.", "point.",
		"et on devrait dire merci ?", "ça suffit.", "😤😤", "🤡🤡", "incroyable.", "y en a marre", "à bon entendeur."}
	complaintMentions = []string{"@jmblanquer", "@education_gouv", "@EmmanuelMacron", "@gouvernementFR", "@jmblanquer @education_gouv"}
)

// Testimonies: first-person accounts.
var (
	testimonyOpeners = []string{"", "", "", "jour 1.", "bilan de la matinée :", "point d'étape :", "récap :", "bon,", "premier jour :",
		"£ :", "alors voilà,", "instant vie de famille :", "petite tranche de vie :", "retour d'expérience :", "ce matin :", "pour info,"}
	testimonyLines = [4][]string{
		roleParent: {
			"® enfants, 1 ordi portable et 2 visios³ à 9h en même temps", "moi en télétravail au milieu de tout ça",
			"on a transformé la table de la cuisine en salle de classe", "la petite en CP, le grand en 4e, et moi qui explique les fractions entre deux mails",
			"mon fils de 6 ans fait sa dictée pendant que je suis en réunion", "j'ai imprimé 40 pages d'exercices ce matin",
			"le chat s'est assis sur le clavier pendant la dictée", "j'ai ® enfants et un seul ordi, on fait des tours de 45 minutes",
			"ma fille suit son cours sur mon téléphone", "on a sorti le vieux portable de 2012, il chauffe mais il tient",
			"ma fille de 3e me demande de l'aide en physique, j'ai tout oublié", "mon ado dort encore, son cours commence à 10h parait-il",
			"les jumeaux se disputent le bureau depuis 8h", "j'ai découvert que mon fils ne savait pas envoyer un mail",
			"grand moment : expliquer Pythagore en préparant le déjeuner", "le petit m'appelle « maîtresse » depuis ce matin",
			"je suis infirmière, mon mari est en télétravail, on jongle", "on a fait la récré dans le jardin à 10h",
			"ma fille a fait son exposé en visio³, j'étais fierª", "nos ® enfants partagent une connexion 4G",
			"j'ai fait la classe ce matin et télétravaillé cet après-midi, je suis rincéª", "le petit veut retourner à l'école, il l'a dit 12 fois",
			"ma fille fait ses maths avec son doudou à côté", "j'ai acheté une 2e imprimante ce week-end, meilleure décision de l'année",
		},
		roleTeacher: {
			"premier jour de cours à distance avec mes © : ¹ connectés sur µ", "j'ai improvisé un cours ¬ avec une casserole et une webcam",
			"mes élèves ont tous la caméra coupée, je parle à des initiales depuis 1h", "je fais cours depuis ma cuisine, le chat en guest star",
			"corrigé 40 copies numériques hier soir, les yeux qui piquent", "j'ai créé un serveur Discord³ pour ma classe, ils sont plus présents qu'en vrai",
			"j'ai appelé les familles qui n'ont pas d'ordi une par une", "mes © m'ont envoyé des photos de leur cahier, certaines à l'envers",
			"3 heures de visio³ et une voix en moins", "ce matin un élève m'a présenté son hamster en plein cours ¬",
			"j'ai passé ma matinée à répondre aux mails des parents", "j'ai posté les exercices de la semaine, on verra qui les rend",
			"un élève a fait tout le cours depuis son lit, je l'ai vu au plafond", "prof ET parent aujourd'hui, double journée",
			"mes CM2 m'ont fait coucou en chœur, ça m'a fait du bien", "3 heures de visio³ et plus de voix",
			"cours ¬ en visio³ : ¹ élèves présents, 3 micros ouverts, un chien qui aboie", "je prépare des fiches papier pour les élèves sans connexion",
			"toute la salle des profs est sur WhatsApp, on s'entraide", "j'ai fini la journée avec 14 onglets ouverts et un mal de crâne",
		},
		rolePupil: {
			"jsuis en pyjama devant mon cours de maths", "cours de physique avec la caméra coupée, j'ai mangé des céréales",
			"ma sœur et moi on se partage le seul ordi de la maison", "j'ai 6h de visio aujourd'hui c'est trop", "mon prof d'anglais parle tout seul depuis 20 minutes mdr",
			"jsuis en ©, on a 3 DM pour vendredi", "j'ai suivi le cours depuis mon lit", "ma mère me surveille comme au bac",
			"le wifi de ma grand-mère c'est une aventure", "on a fait un appel discord³ avec toute la classe pour faire les exos",
			"jai mis le cours en fond et j'ai fini ma série", "ma prof ¬ a oublié de couper son micro 💀", "la connexion de chez moi c'est du 56k",
			"jme suis réveillé à 8h58 pour le cours de 9h", "mon petit frère hurle pendant mes cours", "on a tous mis la même photo de profil en cours mdr",
		},
		roleUnknown: {
			"ma voisine fait classe à ses 3 enfants sur la terrasse", "j'entends la visio³ de la famille d'à côté à travers le mur",
			"mon neveu m'a appelé pour l'aider en maths, à 9h du matin", "je garde mes petits-enfants, on fait l'école à la table du salon",
		},
	}
	// testimonyPlatformLines mention a platform without reporting trouble.
	// testimonyPlatformLines mention a platform without reporting trouble.
	// A line starts with who may write it: P parent, T teacher, E pupil,
	// * anyone.
	testimonyPlatformLines = map[string][]string{
		"pronote": {"T|j'ai déposé les devoirs ¢ pour toute la semaine", "P|je passe mes soirées ¢ à vérifier les devoirs des enfants",
			"*|on a regardé le cahier de textes ¢ ce matin", "T|mes élèves ont rendu leurs devoirs ¢, ¹ sur µ",
			"T|j'ai mis les notes ¢ avant de commencer la journée", "P|ma fille vérifie ¤ toutes les 10 minutes",
			"E|je regarde ¤ toutes les 5 minutes pour voir si j'ai des devoirs en plus", "E|mes notes sont tombées ¢, ça va"},
		"cned": {"T|première classe virtuelle ¢ avec mes ©, on s'en est sortis", "P|les enfants ont suivi le cours ¢ ce matin",
			"P|ma fille a fait ses exercices ¢", "T|j'ai préparé ma classe virtuelle ¢ hier soir", "E|premier cours ¢ ce matin, c'était chelou"},
		"ent": {"T|j'ai mis les cours ¢ hier soir", "T|mes élèves m'écrivent par la messagerie de ¤", "P|on découvre la messagerie de ¤ avec les enfants",
			"T|j'ai rangé tous les documents de la semaine ¢", "P|les enfants ont récupéré leur travail ¢ sans souci", "E|j'ai trouvé mes devoirs ¢, il y en a trop"},
		"visio": {"*|cours en visio ¢ ce matin, on a survécu", "T|3h ¢ avec ma classe", "P|les enfants ont eu 2h de cours ¢",
			"T|mes élèves découvrent ¤, moi aussi un peu", "T|toute la classe ¢ à 9h, même ceux qui dorment d'habitude", "E|2h de cours ¢ et j'ai rien compris"},
	}

	testimonyFeelings = []string{"", "", "on tient bon.", "épuiséª et la journée n'est pas finie.", "courage à tous les parents", "vivement les vacances",
		"je sais pas comment font les familles nombreuses", "on va y arriver", "fierté quand même ❤️", "je suis rincéª", "on survit",
		"c'est long", "💪", "😅", "😵", "respect aux instits", "ça va bien se passer (non)", "demain on recommence", "☕☕☕",
		"#courage", "on rigole pour pas pleurer", "bonne journée quand même", "ça fait beaucoup là non ?"}
)

// Other: news, official statements, tips, ads, jokes without blame.
var (
	newsHeadlines = []string{
		"écoles fermées : ce qu'il faut savoir pour cette semaine", "Covid-19 : les écoles ferment pour trois semaines, mode d'emploi",
		"Blanquer confirme le retour en classe le 26 avril pour les maternelles et élémentaires", "enseignement à distance : combien d'ordinateurs ont été prêtés aux élèves ?",
		"vacances de printemps : toutes les zones en congés à partir du 10 avril", "bac 2021 : les épreuves de spécialité remplacées par le contrôle continu",
		"Lumni, France 4 : les programmes pour suivre l'école à la maison", "parents en télétravail : comment tenir la semaine",
		"témoignages : nos lecteurs racontent leur premier jour d'école à la maison", "enfants de soignants : quelles écoles restent ouvertes ?",
		"brevet 2021 : le calendrier maintenu", "cours à distance : les conseils d'une psychologue pour les parents",
		"confinement : les crèches fermées, sauf pour les enfants de soignants", "la FCPE demande un bilan de la continuité pédagogique",
		"école à la maison : le guide pratique", "combien d'élèves suivent les cours à distance ? les premiers chiffres",
		"les syndicats d'enseignants reçus au ministère jeudi", "confinement scolaire : la garde d'enfants, casse-tête des parents",
		"reportage : une matinée de classe à distance dans un collège de ±", "les chiffres de l'épidémie dans les écoles avant la fermeture",
	}
	officialInfos = []string{
		"rappel : les cours se tiennent à distance jusqu'au vendredi 9 avril inclus.", "les enfants des personnels prioritaires sont accueillis dans les écoles, plus d'infos : ~",
		"retrouvez toutes les ressources pour la continuité pédagogique sur notre site ~", "une cellule d'écoute est disponible pour les familles du lundi au vendredi.",
		"vacances de printemps : du 10 au 25 avril pour toutes les zones.", "merci à tous les personnels mobilisés pour assurer la continuité pédagogique.",
		"des solutions alternatives existent : consultez les consignes de votre établissement.", "la liste des écoles d'accueil est disponible ici ➡️ ~",
		"les manuels numériques sont accessibles gratuitement pendant la période, voir ~", "foire aux questions parents : ~",
		"prêt de matériel informatique : contactez l'établissement de votre enfant.", "les examens du brevet et du bac : le point ➡️ ~",
	}
	tips = []string{
		"les programmes de Lumni sont en accès libre toute la journée",
		"préparez un emploi du temps visible pour les enfants, ça aide", "en visio³, coupez la caméra quand vous ne parlez pas",
		"une pause toutes les 45 minutes, même pour les ados", "imprimez les devoirs de la semaine le lundi soir",
		"pour les parents : France 4 diffuse des cours toute la matinée", "pensez à noter vos identifiants EduConnect quelque part",
		"un casque par enfant = une matinée plus calme", "les bibliothèques proposent des livres numériques gratuits",
		"le site de la BnF a des ressources géniales pour les collégiens", "tuto : retrouver ses identifiants EduConnect ~",
		"pour les profs : Digipad et LearningApps marchent très bien pour des activités à distance", "astuce : un planning affiché sur le frigo, et tout le monde sait quoi faire",
	}
	jokes = []string{
		"le prof de maths qui découvre le bouton « partager l'écran » 😂", "les parents qui redécouvrent le théorème de Pythagore en direct 😂",
		"breaking : la table de la cuisine élue meilleure salle de classe de France", "nouvelle matière au programme : la patience",
		"le café, sponsor officiel de l'école à la maison ☕", "les chats de France n'ont jamais autant assisté aux cours 🐈",
		"la récré, c'est quand le frigo s'ouvre", "objectif du jour : que tout le monde ait un micro qui marche et un pantalon",
		"« tu peux couper ton micro ? » phrase de l'année 2021", "les pyjamas ont officiellement remplacé l'uniforme",
		"si vous entendez crier « MAMAAAN » dans toute la France, c'est normal", "conjugaison du jour : je visio³, tu visio, nous craquons",
	}
	adTexts = []string{
		"cours particuliers en visio dès 15 €/h, toutes matières, du CP à la terminale 📚 DM ouverts",
		"soutien scolaire gratuit en ligne par des étudiants bénévoles : inscrivez-vous ~",
		"notre webinaire « tenir le rythme de l'école à la maison » c'est ce soir 20h ~",
		"ordinateurs reconditionnés pour les élèves à prix solidaire ➡️ ~",
	}
	linkIntros         = []string{"à lire :", "intéressant 👇", "à partager", "👉", "à lire absolument", "pour ceux que ça intéresse :", "thread 👇", "je partage :"}
	otherPlatformLines = []string{
		"comment fonctionne ¤ ? on vous explique ~", "¤ : mode d'emploi pour les parents ~", "tuto vidéo pour se connecter ¢ ~",
		"les élèves et les profs découvrent ¤ cette semaine", "¤ en chiffres : combien d'élèves inscrits ?",
		"astuce : ¢, passez par l'appli mobile plutôt que par le navigateur", "petit guide pour retrouver ses identifiants ¢ ~",
	}
)

// Hashtags, as people write them.
var (
	tagsEcole   = []string{"ecolealamaison", "ecolealamaison", "EcoleALaMaison", "EcoleALaMaison", "écoleàlamaison", "ÉcoleÀLaMaison", "EcoleAlaMaison", "ecoleALaMaison"}
	tagsBlame   = []string{"BlanquerDemission", "BlanquerDemission", "BlanquerMent", "blanquerdemission", "BlanquerDémission", "blanquerment", "Blanquer"}
	tagsCNED    = []string{"CNED", "CNED", "Cned", "cned"}
	tagsPronote = []string{"Pronote", "Pronote", "pronote", "PRONOTE"}
	tagsMisc    = []string{"confinement3", "continuitépédagogique", "ContinuitéPédagogique", "confinement", "COVID19", "teletravail", "EducationNationale", "profs", "parents"}
	tagsENT     = []string{"ENT", "ENT", "ent", "ecolealamaison", "EcoleALaMaison"}
)

// English, Spanish and German posts.
var (
	enSubjects = []pform{{"the CNED website", "", 'm'}, {"France's CNED platform", "", 'm'}, {"CNED", "", 'm'}, {"Pronote", "", 'm'},
		{"the school ENT", "", 'm'}, {"our regional ENT", "", 'm'}, {"the ENT portal", "", 'm'}, {"Ma classe à la maison", "", 'm'}}
	enSymptoms  = []string{"is down", "keeps crashing", "won't load", "is completely unreachable", "throws a 503", "has crashed (again)", "is painfully slow", "is dead"}
	enOpeners   = []string{"", "", "Well.", "Of course", "Day 1:", "Surprise surprise,", "Lol.", "Great.", "Ugh."}
	enTails     = []string{"on day one of remote learning", "and my kids can't log in", "and I have 3 kids to homeschool", "— same as last year", "great start", "not surprised tbh", "", ""}
	enTestimony = [4][]string{
		roleParent:  {"Day one of remote schooling in France: 3 kids, 1 laptop, 2 video calls at 9am.", "Expat mum here, trying to help with French grammar homework. Send help.", "Homeschooling again. The cat is now a teaching assistant.", "My teenager attended his maths class from bed. Progress?"},
		roleTeacher: {"Teaching from my kitchen table again. 12 out of 28 students showed up.", "Day one of remote teaching: I spent the morning talking to black squares.", "English teacher in France here: my students are braver on camera than in class."},
		rolePupil:   {"Online school again, I'm in my pyjamas and nobody knows.", "6 hours of online classes today, my brain is fried."},
		roleUnknown: {"My neighbours' kids have been in video classes since 8am, I can hear everything.", "Watching my niece do her homework over FaceTime. Respect to French parents."},
	}
	enComplaint  = []string{"The minister promised everything was ready. It wasn't.", "A whole year to prepare and nothing was planned.", "Blanquer should resign, honestly.", "The French education ministry keeps blaming \"foreign attacks\" instead of taking responsibility."}
	enOther      = []string{"France closes schools for three weeks: what parents need to know", "Tip: Lumni has free lessons all day for French pupils", "French schools go remote again until April 26", "How French families are coping with another school lockdown"}
	esOutage     = []string{"Francia: la plataforma del CNED se cae en el primer día de clases a distancia", "Colapsan Pronote y las plataformas educativas en Francia", "Caos en Francia: el CNED no funciona en la vuelta a las clases en línea"}
	esOther      = []string{"Francia cierra los colegios tres semanas por la covid", "Francia vuelve a la escuela en casa hasta el 26 de abril"}
	deOutage     = []string{"Frankreich: Lernplattform des CNED am ersten Tag des Fernunterrichts zusammengebrochen", "Pronote überlastet: Chaos beim Homeschooling in Frankreich", "Frankreich: Server des CNED nicht erreichbar"}
	deOther      = []string{"Frankreich schließt Schulen für drei Wochen", "Homeschooling in Frankreich: Eltern am Limit"}
	foreignHosts = []string{"https://t.co/", "https://t.co/", "https://bit.ly/", "https://www.lemonde.fr/education/article/2021/04/06/", "https://www.francetvinfo.fr/", "https://www.20minutes.fr/societe/", "https://www.lavoixdunord.fr/", "https://www.ladepeche.fr/"}
)
