package classify

import "strings"

// samplePosts is a mix of short and long French and English posts of the
// kind Vigie sees on 6 April 2021, used by the benchmarks and some tests.
var samplePosts = []string{
	// short French
	"Pronote a planté 😡",
	"ENT HS depuis 8h #ecolealamaison",
	"Impossible de se connecter à l'ENT ce matin",
	"monlycee.net inaccessible, comme prévu",
	"Ma classe à la maison ne répond plus...",
	"Bravo le ministère 👏👏",
	"Mes 3 enfants, un seul ordi.",
	"Ça rame sur Pronote",
	"Erreur 503 sur e-lyco",
	"On tient le coup 💪 #ecolealamaison",
	"Toutatice ne fonctionne pas chez nous",
	"Blanquer démission !",
	"Connexion impossible à Mon Bureau Numérique",
	"Premier jour d'école à la maison, ça commence bien",
	// short English
	"Pronote is down again",
	"The CNED site keeps crashing, can't log in",
	"My kids have one laptop for three of them",
	"French school platforms collapse on first day of remote learning",
	"What a joke, the ministry said they were ready",
	// long French
	"Premier jour de l'école à la maison et évidemment l'ENT Hauts-de-France est saturé depuis 8h. " +
		"Mes élèves de 4e n'arrivent pas à récupérer le travail, je leur envoie tout par mail. Un an après le premier confinement, rien n'a été prévu.",
	"Honte au ministère : on nous avait promis que tout était prêt, que les serveurs du CNED tiendraient. " +
		"Résultat, ma classe virtuelle a coupé trois fois, les élèves décrochent, et on nous demande de faire remonter les absences. #BlanquerDemission",
	"Chez nous c'est télétravail pour les deux parents, trois enfants en distanciel, un seul ordinateur et une connexion qui lâche toutes les vingt minutes. " +
		"Je ne sais pas comment font les familles avec plus d'enfants. Courage à tous.",
	"Écoles, collèges, lycées : le point sur les plateformes numériques en ce premier jour d'enseignement à distance. " +
		"Selon le ministère, les difficultés de connexion rencontrées ce matin sont dues à une cyberattaque visant les serveurs du CNED.",
	"Pronote fonctionne enfin après deux heures de bug, mais l'ENT de la région est toujours inaccessible pour mes enfants. " +
		"Le collège nous demande de patienter. On fait les devoirs sur papier en attendant.",
	"Je suis prof de maths dans l'académie de Créteil. Ce matin : 12 élèves sur 30 connectés à la classe virtuelle, " +
		"les autres n'avaient pas d'ordinateur ou pas de réseau. Ce n'est pas de la continuité pédagogique, c'est du bricolage.",
	"Rappel aux familles : en cas de difficulté de connexion à l'ENT, les devoirs sont également disponibles sur Pronote. " +
		"Les enseignants restent joignables par la messagerie. Bonne journée à tous.",
	"L'ENT Occitanie est tombé à 9h02, pile au moment où tout le monde se connectait. Capture d'écran à l'appui : page blanche, puis erreur 504. " +
		"Franchement, qui a dimensionné ces serveurs ?",
	"Tuto : comment installer Jitsi pour faire classe en visio sans passer par les plateformes saturées. Lien dans le fil 👇",
	// long English
	"Day one of remote schooling in France and the regional platforms are already down. My daughter spent the morning staring at an error page " +
		"while her teacher tried to reach the class on Discord. Nobody seems surprised anymore.",
	"The French education ministry blamed 'foreign cyberattacks' for the CNED outage this morning, but teachers say the servers simply could not cope " +
		"with millions of pupils connecting at the same time. According to the ministry, the service will be restored by noon.",
	"I teach 6th grade near Lyon. Half of my students could not log in to the ENT, the other half got kicked out every ten minutes. " +
		"We ended up doing the lesson on Zoom, which is exactly what we were told not to do.",
	"Honestly the government had a full year to prepare for this. Pronote down, ENT down, CNED down. Shameful.",
	// mixed, noisy
	"@education_gouv @jmblanquer l'ENT ne marche pas !!! https://t.co/abc123 #ENT #confinement3",
	"😭😭😭 pronote",
	"<p>L&#39;ENT est en panne</p>",
	"RT @franceinfo: ENT, Pronote, CNED : les plateformes numériques saturées pour le premier jour de classe à la maison",
	"Bonne nouvelle, e-lyco remarche depuis 10h 🎉",
	"je capte plus rien à l'emploi du temps, pronote dit une chose et la prof une autre",
	"Les 6e ont été super aujourd'hui, bravo à eux malgré les bugs de l'ENT",
	"Quelqu'un sait si Atrium marche pour vous ? Ici rien ne s'affiche depuis ce matin",
}

// longPost is about 100 KB of text.
func longPost() string {
	return strings.Repeat("L'ENT a planté ce matin, mes enfants n'ont pas pu se connecter. ", 1600)
}
