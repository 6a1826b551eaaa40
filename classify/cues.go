package classify

import "github.com/vigie-edu/vigie/post"

// Cue lists. Every pattern is written in plain French/English; it is
// normalised at build time (case and accents folded, punctuation -> space),
// so "l'ENT" and "L’ENT" are the same cue. A trailing '*' makes a prefix
// cue ("crash*" matches crash, crashed, crashing). Weights are in "label
// evidence" units: a post reaches a label when the evidence sums to
// labelThreshold (0.7): one strong cue (1.0), or a weak cue plus a
// supporting one. sent is the polarity (-2..2) a cue adds to the sentiment.
//
// These lists are version 0: tune them against the gold set, and bump
// Version whenever they change.

// w is one weighted cue.
type w struct {
	pat  string
	w    float32
	sent float32
}

// outageCues name a malfunction: a service down, slow, erroring,
// unreachable. They are negatable ("pas de bug").
var outageCues = []w{
	// crashes and breakdowns
	{"plante", 1, -1}, {"plantent", 1, -1}, {"plantait", 1, -1}, {"plantaient", 1, -1},
	{"planter", 0.8, -1}, {"plantage*", 1, -1}, {"replante", 1, -1}, {"a plante", 1, -1},
	{"bug*", 1, -1}, {"beug*", 1, -1}, {"bogue", 1, -1}, {"crash*", 1, -1},
	{"panne", 1, -1}, {"pannes", 1, -1}, {"en panne", 1, -1},
	{"down", 0.8, -1}, {"is down", 1, -1}, {"est down", 1, -1}, {"sont down", 1, -1},
	{"hors service", 1, -1}, {"hs", 0.7, -0.5}, {"hors ligne", 0.7, -0.5}, {"offline", 0.6, -0.5},
	{"ko", 0.6, -0.5}, {"a lache", 0.7, -1}, {"ont lache", 0.7, -1},
	{"est tombe", 0.8, -1}, {"sont tombes", 0.8, -1}, {"tombe en panne", 1, -1},
	{"ecroule*", 0.8, -1}, {"effondre*", 0.8, -1}, {"explose", 0.5, -0.5},
	{"dysfonctionnement*", 1, -1}, {"incident*", 0.6, -0.5}, {"perturbation*", 0.7, -0.5},
	{"perturbe*", 0.6, -0.5}, {"instable", 0.5, -0.5}, {"coupure*", 0.6, -0.5},
	{"outage*", 1, -1}, {"broken", 0.7, -1}, {"glitch*", 0.8, -1}, {"keeps crashing", 1, -1},
	{"en carafe", 1, -1}, {"en rade", 1, -1}, {"en pls", 1, -1}, {"pls", 0.6, -1},
	{"a l agonie", 1, -1}, {"agonise", 0.9, -1}, {"dans les choux", 1, -1}, {"a l arret", 0.9, -1},
	{"a terre", 0.7, -1}, {"rip", 0.5, -1}, {"a saute", 0.9, -1}, {"ont saute", 0.9, -1},
	{"est mort", 0.9, -1}, {"est morte", 0.9, -1}, {"sont morts", 0.9, -1}, {"mort", 0.4, -1},
	{"morte", 0.4, -1}, {"est tombee", 0.8, -1}, {"sont tombees", 0.8, -1}, {"tient pas la charge", 1, -1},
	{"tient plus la charge", 1, -1}, {"ne tient pas", 0.6, -1}, {"ralenti*", 0.6, -0.5},
	{"qui coupe", 0.8, -1}, {"coupe toutes les", 1, -1}, {"coupent toutes les", 1, -1}, {"le son coupe", 0.9, -1},
	{"tombe a chaque fois", 1, -1}, {"tombe toutes les", 1, -1}, {"tombe des que", 1, -1}, {"retombe", 0.9, -1},
	{"ont disparu", 0.7, -1}, {"a disparu", 0.6, -1}, {"identifiant incorrect", 0.8, -0.5},
	{"refuse de", 0.7, -1}, {"refusent de", 0.7, -1}, {"peine a se connecter", 1, -1},
	{"peinent a se connecter", 1, -1}, {"peinent a", 0.5, -0.5}, {"difficultes techniques", 0.9, -1},
	{"en vrac", 0.8, -1}, {"en boucle", 0.7, -0.5}, {"impossible a lancer", 1, -1},
	{"rencontrons des problemes", 0.9, -1}, {"rencontrons des difficultes", 0.9, -1},
	{"nous rencontrons des", 0.8, -0.5}, {"freezing", 0.8, -1}, {"freezes", 0.8, -1}, {"frozen", 0.7, -1},
	{"reussi a me connecter apres", 0.9, -0.5}, {"reussi a me co apres", 0.9, -0.5},
	{"en difficulte", 0.5, -0.5}, {"se cae", 0.8, -1}, {"caido", 0.8, -1}, {"nous deconnecte", 0.9, -1},
	{"session a expire", 0.8, -0.5}, {"too many connections", 1, -1}, {"sans acces", 0.9, -1},
	{"aux fraises", 1, -1}, {"saute", 0.6, -1}, {"sautent", 0.6, -1}, {"ecran de chargement", 0.8, -0.5},
	{"deconnexion*", 0.6, -0.5}, {"difficultes d acces", 1, -1}, {"difficultes de connexion", 1, -1},
	{"difficulte de connexion", 1, -1}, {"rencontre des difficultes", 0.8, -0.5},
	{"maintenance", 0.5, -0.5}, {"maintenance en cours", 0.8, -0.5}, {"met trop de temps", 0.8, -1},
	{"trop de connexions", 1, -1}, {"connexions simultanees", 0.8, -0.5}, {"serveur impossible", 0.9, -1},
	{"ca tourne", 0.5, -0.5}, {"nicht erreichbar", 1, -1}, {"fois de me connecter", 0.8, -0.5},
	{"fois de se connecter", 0.8, -0.5}, {"plus rien ne marche", 1, -1}, {"rien ne marche", 1, -1},
	// unreachable
	{"inaccessible*", 1, -1}, {"injoignable*", 1, -1}, {"indisponible*", 1, -1},
	{"inutilisable*", 1, -1.5}, {"unreachable", 1, -1}, {"unavailable", 0.9, -1},
	{"impossible de se connecter", 1, -1}, {"impossible de me connecter", 1, -1},
	{"impossible de nous connecter", 1, -1}, {"impossible d acceder", 1, -1},
	{"impossible d y acceder", 1, -1}, {"impossible de charger", 1, -1},
	{"impossible d ouvrir", 1, -1}, {"impossible de telecharger", 1, -1},
	{"impossible d envoyer", 0.9, -1}, {"impossible de deposer", 0.9, -1},
	{"connexion impossible", 1, -1}, {"acces impossible", 1, -1}, {"impossible de se co", 1, -1},
	{"connexion refusee", 1, -1}, {"acces refuse", 1, -1}, {"refuse de charger", 1, -1},
	{"refusent de charger", 1, -1}, {"refuse de s ouvrir", 1, -1}, {"pas moyen de", 0.8, -1},
	{"aucun moyen de", 0.8, -1}, {"toujours rien", 0.6, -0.5}, {"tentative de connexion", 0.8, -0.5},
	{"tentatives de connexion", 0.8, -0.5}, {"essaie de me connecter", 0.6, -0.5},
	{"essaye de me connecter", 0.6, -0.5}, {"essaie de me co", 0.6, -0.5},
	{"essaie de se connecter", 0.6, -0.5}, {"essayant de me connecter", 0.6, -0.5},
	{"essaye de me co", 0.6, -0.5}, {"essaie de nous connecter", 0.6, -0.5},
	{"pas acces", 1, -1}, {"pas d acces", 1, -1}, {"aucun acces", 1, -1}, {"plus d acces", 1, -1},
	{"pas de connexion", 0.8, -1}, {"aucune connexion", 0.8, -1},
	{"probleme de connexion", 0.9, -1}, {"problemes de connexion", 0.9, -1},
	{"soucis de connexion", 0.9, -1}, {"souci de connexion", 0.9, -1},
	{"probleme technique", 0.8, -1}, {"problemes techniques", 0.8, -1},
	{"probleme*", 0.35, -1}, {"souci*", 0.3, -0.5}, {"bloque*", 0.5, -0.5},
	{"deconnecte*", 0.6, -0.5}, {"ne repond pas", 1, -1}, {"ne repond plus", 1, -1},
	{"repond pas", 1, -1}, {"repond plus", 1, -1}, {"can t log in", 1, -1},
	{"cannot log in", 1, -1}, {"can t connect", 1, -1}, {"cannot connect", 1, -1},
	{"unable to connect", 1, -1}, {"unable to log in", 1, -1},
	// errors
	{"erreur 500", 1, -1}, {"erreur 502", 1, -1}, {"erreur 503", 1, -1}, {"erreur 504", 1, -1},
	{"error 500", 1, -1}, {"error 502", 1, -1}, {"error 503", 1, -1}, {"error 504", 1, -1},
	{"500", 0.5, 0}, {"502", 0.8, 0}, {"503", 0.8, 0}, {"504", 0.8, 0},
	{"erreur*", 0.5, -0.5}, {"error*", 0.5, -0.5}, {"bad gateway", 1, -1},
	{"gateway timeout", 1, -1}, {"service unavailable", 1, -1}, {"timeout", 0.8, -0.5},
	{"time out", 0.8, -0.5}, {"timed out", 0.8, -0.5}, {"too many requests", 1, -1},
	{"page blanche", 0.9, -1}, {"ecran blanc", 0.8, -1}, {"rien ne s affiche", 0.9, -1},
	// overload and slowness
	{"sature*", 0.9, -1}, {"saturation", 0.9, -1}, {"surcharge*", 0.8, -1},
	{"overload*", 0.8, -1}, {"rame", 0.6, -1}, {"ca rame", 0.9, -1}, {"ramait", 0.6, -1},
	{"mouline", 0.6, -0.5}, {"tourne dans le vide", 0.9, -1}, {"tourne en rond", 0.6, -1},
	{"chargement infini", 1, -1}, {"charge dans le vide", 1, -1}, {"lent", 0.4, -0.5},
	{"a l infini", 0.8, -1}, {"roue qui tourne", 0.9, -1}, {"rond qui tourne", 0.9, -1},
	{"met une eternite", 0.9, -1}, {"minutes a charger", 0.9, -1}, {"a afficher une page", 0.8, -1},
	{"minutes a afficher", 0.9, -1}, {"rament", 0.6, -1}, {"ramer", 0.5, -1},
	{"lente", 0.4, -0.5}, {"lenteur*", 0.6, -0.5}, {"ultra lent", 0.8, -1},
	{"tres lent", 0.7, -1}, {"slow", 0.4, -0.5}, {"laggy", 0.6, -0.5}, {"lag", 0.5, -0.5},
}

// outageMasks are phrases that hold an outage cue but report no
// malfunction of a school platform ("je sature des fiches", "cherchez
// l'erreur", the family's own box): they hide the cues inside them.
var outageMasks = []string{
	"je sature", "cherchez l erreur", "tombe en plein", "box a lache", "box a saute", "ma box", "notre box",
}

// outageHashtags are hashtags written in one word, without camelCase: an
// outage of a platform.
var outageHashtags = []struct{ pat, platform string }{
	{"pronotedown", post.PlatformPronote}, {"pronotebug", post.PlatformPronote},
	{"bugpronote", post.PlatformPronote}, {"pronoteenpanne", post.PlatformPronote},
	{"entdown", post.PlatformENT}, {"entbug", post.PlatformENT}, {"entenpanne", post.PlatformENT},
	{"bugent", post.PlatformENT}, {"cneddown", post.PlatformCNED}, {"cnedbug", post.PlatformCNED},
	{"cnedenpanne", post.PlatformCNED}, {"bugcned", post.PlatformCNED},
}

// outageVerbs say that something works, loads or connects: a malfunction
// when negated ("ça ne marche pas", "impossible de me connecter", "won't
// load", "ça charge plus").
var outageVerbs = []w{
	{"marche", 0.9, 0}, {"marchent", 0.9, 0}, {"marchait", 0.9, 0}, {"fonctionne", 0.9, 0},
	{"fonctionnent", 0.9, 0}, {"fonctionnait", 0.9, 0}, {"connecter", 0.9, 0},
	{"connecte", 0.8, 0}, {"connectent", 0.8, 0}, {"charge", 0.8, 0}, {"chargent", 0.8, 0},
	{"charger", 0.8, 0}, {"acceder", 0.9, 0}, {"accede", 0.8, 0}, {"ouvre", 0.7, 0},
	{"ouvrir", 0.7, 0}, {"affiche", 0.7, 0}, {"afficher", 0.7, 0}, {"s affiche", 0.8, 0},
	{"work", 0.9, 0}, {"works", 0.9, 0}, {"working", 0.9, 0}, {"load", 0.9, 0},
	{"loading", 0.9, 0}, {"loads", 0.9, 0}, {"connect", 0.9, 0}, {"log in", 0.9, 0},
	{"login", 0.8, 0}, {"sign in", 0.8, 0}, {"access", 0.8, 0}, {"open", 0.6, 0},
	{"me co", 0.8, 0}, {"se co", 0.8, 0}, {"funciona", 0.8, 0}, {"carga", 0.8, 0},
	{"repond", 1, 0}, {"repondent", 1, 0}, {"repondait", 1, 0},
	// "je n'arrive pas à", "pas réussi à": weak, a malfunction with a platform named
	{"arrive", 0.5, 0}, {"arrivent", 0.5, 0}, {"arrivons", 0.5, 0}, {"jarrive", 0.5, 0},
	{"reussi", 0.5, 0}, {"reussis", 0.5, 0}, {"parviens", 0.5, 0}, {"parvient", 0.5, 0},
}

// restoredCues say a service works again. Evidence only: a post that
// reports a malfunction and its end is still an outage report.
var restoredCues = []w{
	{"remarche", 1, 1}, {"refonctionne", 1, 1}, {"re fonctionne", 1, 1},
	{"fonctionne a nouveau", 1, 1}, {"marche a nouveau", 1, 1}, {"de nouveau accessible", 1, 1},
	{"retabli*", 1, 1}, {"est revenu", 0.6, 0.5}, {"back up", 0.8, 1}, {"working again", 1, 1},
	{"back online", 1, 1},
}

// angerCues blame, anger or scorn. Strong ones (≥ 0.7) make a complaint on
// their own; weak ones need a target (minister, rectorat, "ils") or a second cue.
var angerCues = []w{
	{"honte", 1, -2}, {"honteux", 1, -2}, {"honteuse", 1, -2}, {"scandale", 1, -2},
	{"scandaleux", 1, -2}, {"scandaleuse", 1, -2}, {"inadmissible", 1, -2},
	{"inacceptable", 1, -2}, {"intolerable", 1, -2}, {"incompetent*", 1, -2},
	{"incompetence", 1, -2}, {"amateurisme", 1, -2}, {"bande d amateurs", 1, -2},
	{"amateurs", 0.6, -1}, {"foutage de gueule", 1, -2}, {"se fout de", 1, -2},
	{"se foutent de", 1, -2}, {"se moque de nous", 1, -2}, {"se moquent de nous", 1, -2},
	{"se moquer de nous", 1, -2}, {"mepris*", 1, -2}, {"mentir", 0.8, -1.5}, {"ment", 0.6, -1},
	{"pour des idiots", 1, -2}, {"pour des imbeciles", 1, -2}, {"pour des cons", 1, -2},
	{"nous prendre pour", 0.8, -1.5}, {"nous prend pour", 0.8, -1.5}, {"c est du vent", 0.9, -1.5},
	{"du vent", 0.4, -0.5}, {"debrouillez vous", 0.8, -1.5}, {"on nous laisse", 0.7, -1},
	{"ca suffit", 0.8, -1.5}, {"incroyable", 0.4, 0}, {"pour rien", 0.4, -1}, {"promesses", 0.5, -0.5},
	{"jamais les moyens", 0.9, -1.5}, {"quelle idee", 0.7, -1}, {"de la com", 0.6, -1},
	{"on veut des excuses", 0.9, -1.5}, {"n a rien fait", 0.9, -1.5}, {"rien n a ete fait", 0.9, -1.5},
	{"rien n a ete anticipe", 0.9, -1.5}, {"un an pour", 0.5, -0.5}, {"un an qu on sait", 0.9, -1.5},
	{"a eu un an", 0.8, -1}, {"pas dans le meme monde", 0.9, -1.5}, {"a la hauteur", 0.4, 0},
	{"nous assurait", 0.7, -1}, {"jurait", 0.6, -1}, {"notre cher ministre", 0.9, -1.5},
	{"cher ministre", 0.7, -1}, {"y en a marre", 0.9, -1.5}, {"zero anticipation", 0.9, -1.5},
	{"zero excuse", 0.6, -1}, {"s en moque", 1, -1.5}, {"s en fout", 1, -1.5}, {"la com", 0.5, -0.5},
	{"on devrait dire merci", 0.8, -1}, {"pour quoi au final", 0.7, -1}, {"solution miracle", 0.6, -0.5},
	{"commission d enquete", 0.6, -0.5}, {"prefere accuser", 0.7, -1}, {"defend encore", 0.6, -0.5},
	{"qui trinquent", 0.8, -1}, {"se debrouillent seuls", 0.8, -1}, {"aucune consigne", 0.7, -1},
	{"a bon entendeur", 0.6, -0.5}, {"decouvre que", 0.6, -0.5}, {"debrouillez vous", 0.8, -1},
	{"demission*", 1, -1}, {"blanquerdemission", 1, -1.5}, {"lamentable", 1, -2},
	{"pathetique", 1, -2}, {"irresponsable*", 1, -2}, {"indigne", 1, -2},
	{"c est une blague", 0.8, -1.5}, {"quelle blague", 0.8, -1.5},
	{"n importe quoi", 0.8, -1.5}, {"ras le bol", 0.9, -2}, {"j en ai marre", 0.8, -1.5},
	{"marre", 0.7, -1.5}, {"en colere", 0.9, -2}, {"colere", 0.8, -2}, {"furieux", 0.9, -2},
	{"furieuse", 0.9, -2}, {"enerve*", 0.7, -1.5}, {"exaspere*", 0.9, -2},
	{"degoute*", 0.8, -2}, {"ridicule", 0.8, -1.5}, {"absurde", 0.6, -1}, {"fiasco", 0.9, -2},
	{"naufrage", 0.9, -2}, {"bordel", 0.6, -1.5}, {"merde", 0.5, -1.5}, {"wtf", 0.5, -1},
	{"nul", 0.6, -2}, {"nuls", 0.6, -2}, {"nulle", 0.6, -2}, {"nullite", 0.8, -2},
	{"catastrophe", 0.5, -2}, {"catastrophique", 0.6, -2}, {"cata", 0.4, -1.5},
	{"pas normal", 0.8, -1.5}, {"pas acceptable", 0.9, -2}, {"pas serieux", 0.8, -1.5},
	{"un an apres", 0.6, -1}, {"rien n a ete prevu", 0.9, -1.5}, {"rien n est pret", 0.9, -1.5},
	{"aucune anticipation", 0.9, -1.5}, {"pas anticipe", 0.9, -1.5},
	{"gouverner c est prevoir", 1, -1.5}, {"nous sommes prets", 0.7, -0.5},
	{"tout est pret", 0.7, -0.5}, {"on nous avait promis", 0.8, -1}, {"on nous avait dit", 0.6, -1},
	{"promis", 0.4, 0}, {"merci pour rien", 0.9, -2}, {"comme d hab", 0.4, -0.5},
	{"comme d habitude", 0.4, -0.5}, {"abandonne*", 0.5, -1}, {"sacrifie*", 0.6, -1.5},
	{"profsencolere", 1, -2}, {"parentsencolere", 1, -2}, {"bravo", 0.3, 0},
	{"chapeau", 0.2, 0}, {"mensonge*", 0.8, -1.5}, {"menteur*", 0.9, -2},
	{"on en reparle", 0.8, -1}, {"merci qui", 0.9, -1.5}, {"merci pour l organisation", 0.9, -1.5},
	{"merci de nous laisser", 0.9, -1.5}, {"merci le", 0.4, 0}, {"merci la", 0.4, 0}, {"merci les", 0.4, 0},
	{"merci l", 0.4, 0}, {"dans le flou", 0.6, -1}, {"belle statistique", 0.8, -1}, {"genie", 0.7, -0.5},
	{"il plane", 0.8, -1}, {"ils planent", 0.8, -1}, {"vit dans une bulle", 0.9, -1.5}, {"dans une bulle", 0.6, -1},
	{"regarde ailleurs", 0.8, -1.5}, {"ont bon dos", 0.9, -1.5}, {"a bon dos", 0.9, -1.5},
	{"make it make sense", 0.9, -1.5}, {"sympa les", 0.6, -1}, {"se felicite", 0.6, 0}, {"fierement", 0.4, 0},
	{"dans toute sa splendeur", 0.8, -1}, {"plutot que d admettre", 0.8, -1.5}, {"n existe pas pour", 0.8, -1.5},
	{"qui prend les decisions", 0.8, -1}, {"qui a decide", 0.6, -1}, {"sans nous consulter", 0.8, -1.5},
	{"faites avec", 0.8, -1}, {"devrait venir voir", 0.7, -1}, {"mais tout va bien", 0.8, -1.5},
	{"communication zero", 0.8, -1.5}, {"zero communication", 0.8, -1.5}, {"effet d annonce", 0.9, -1.5},
	{"effets d annonce", 0.9, -1.5}, {"on attend quoi", 0.8, -1}, {"toujours pas", 0.3, -0.5},
	{"toujours aucun", 0.3, -0.5}, {"toujours aucune", 0.3, -0.5}, {"vous payez", 0.6, -1},
	{"pas de vie", 0.8, -1.5}, {"des robots", 0.6, -1}, {"ou quoi", 0.3, -0.5}, {"ils pensent qu", 0.6, -1},
	{"culpabilise*", 0.8, -1.5}, {"flicage", 0.9, -1.5}, {"on trouve ca normal", 0.8, -1.5},
	{"pas des discours", 0.8, -1}, {"jamais mis les pieds", 0.9, -1.5}, {"on nous parle d", 0.5, -0.5},
	{"on nous demande", 0.4, -0.5}, {"vous etes au courant", 0.6, -1}, {"les memes qui", 0.6, -1},
	{"vraiment", 0.3, 0}, {"serieusement", 0.3, -0.5}, {"convenient story", 0.8, -1},
	{"qu ils assument", 0.8, -1}, {"qu il assume", 0.8, -1}, {"nous interdit", 0.5, -0.5},
	// English
	{"shame", 0.8, -2}, {"shameful", 1, -2}, {"disgrace*", 1, -2}, {"incompetent", 1, -2},
	{"ridiculous", 0.8, -1.5}, {"unacceptable", 1, -2}, {"pathetic", 1, -2},
	{"fed up", 0.9, -2}, {"angry", 0.8, -2}, {"furious", 0.9, -2}, {"outrage*", 0.9, -2},
	{"what a joke", 0.9, -1.5}, {"joke", 0.4, -1}, {"useless", 0.6, -1.5}, {"resign", 0.9, -1},
	{"thanks for nothing", 0.9, -2}, {"mess", 0.5, -1}, {"clown*", 0.7, -1.5},
	{"promised", 0.5, -0.5}, {"lies", 0.8, -1.5}, {"lying", 0.8, -1.5}, {"a whole year", 0.6, -0.5},
	{"nothing was planned", 0.9, -1.5}, {"nothing was done", 0.9, -1.5}, {"nothing has been done", 0.9, -1.5},
	{"blaming", 0.6, -1}, {"taking responsibility", 0.6, -0.5},
}

// demandCues ask someone to act. They count only with a target.
var demandCues = []w{
	{"exigeons", 0.7, 0}, {"exige*", 0.6, 0}, {"demandons", 0.6, 0}, {"reclamons", 0.6, 0}, {"reclamer", 0.5, 0},
	{"il faut que", 0.4, 0}, {"il faudrait", 0.4, 0}, {"qu attend", 0.6, -0.5},
	{"qu attendent", 0.6, -0.5}, {"rendez des comptes", 0.8, -0.5}, {"rendre des comptes", 0.7, -0.5},
	{"des moyens", 0.5, 0}, {"investir", 0.3, 0}, {"we demand", 0.8, 0}, {"must", 0.2, 0},
	{"doit", 0.2, 0}, {"doivent", 0.2, 0}, {"assumez", 0.8, -1}, {"recrutez", 0.7, 0},
	{"rende des comptes", 0.8, -0.5}, {"rend de comptes", 0.7, -0.5}, {"personne ne rend", 0.7, -0.5},
	{"qu il parte", 0.8, -1}, {"il est temps que", 0.4, 0}, {"rendez nous", 0.6, 0},
	{"il serait temps que", 0.4, 0},
}

// targetCues name people or institutions that can be blamed.
var targetCues = []w{
	{"blanquer", 1, 0}, {"jmblanquer", 1, 0}, {"jmb", 1, 0}, {"ministre", 1, 0}, {"ministere", 1, 0},
	{"rue de grenelle", 1, 0}, {"gouvernementfr", 1, 0}, {"emmanuelmacron", 1, 0}, {"l en", 0.8, 0},
	{"education nationale", 1, 0}, {"educnat", 1, 0}, {"education gouv", 1, 0},
	{"gouvernement", 1, 0}, {"gouv", 0.8, 0}, {"macron", 1, 0}, {"castex", 1, 0},
	{"rectorat", 1, 0}, {"recteur", 1, 0}, {"rectrice", 1, 0}, {"l etat", 1, 0},
	{"ils", 0.5, 0}, {"on nous", 0.6, 0}, {"les politiques", 1, 0}, {"les responsables", 1, 0},
	{"le departement", 0.8, 0}, {"conseil regional", 1, 0},
	{"editeur", 0.6, 0}, {"index education", 1, 0}, {"le cned", 0.6, 0},
	{"government", 1, 0}, {"minister", 1, 0}, {"ministry", 1, 0}, {"they", 0.5, 0},
	{"chef d etablissement", 1, 0}, {"principal", 0.6, 0}, {"la hierarchie", 1, 0}, {"l administration", 1, 0},
	{"l inspection", 1, 0}, {"la dsden", 1, 0}, {"dsden", 0.8, 0}, {"le college", 0.5, 0}, {"le lycee", 0.5, 0},
	{"la mairie", 0.8, 0}, {"le maire", 0.8, 0}, {"les profs qui", 0.6, 0}, {"les adultes", 0.6, 0},
	{"les decideurs", 1, 0}, {"jean michel", 1, 0}, {"la region", 0.8, 0},
}

// testimonyCues describe one's own situation of remote schooling.
var testimonyCues = []w{
	{"un seul ordi", 0.7, -0.5}, {"un seul ordinateur", 0.7, -0.5}, {"un seul pc", 0.7, -0.5},
	{"une seule tablette", 0.7, -0.5}, {"un ordi pour", 0.7, -0.5}, {"un ordinateur pour", 0.7, -0.5},
	{"pas d ordi", 0.6, -0.5}, {"pas d ordinateur", 0.6, -0.5}, {"pas d imprimante", 0.6, -0.5},
	{"pas de wifi", 0.5, -0.5}, {"partager l ordi", 0.6, 0}, {"ordi familial", 0.6, 0},
	{"en teletravail", 0.6, 0}, {"chez nous", 0.5, 0}, {"ma journee", 0.5, 0},
	{"notre journee", 0.5, 0}, {"premier jour", 0.3, 0}, {"jour 1", 0.3, 0},
	{"j ai passe", 0.4, 0}, {"on a passe", 0.4, 0}, {"nous avons passe", 0.4, 0},
	{"je suis prof", 0.6, 0}, {"je suis maman", 0.6, 0}, {"je suis papa", 0.6, 0},
	{"one laptop", 0.7, -0.5}, {"one computer", 0.7, -0.5}, {"working from home", 0.5, 0},
	{"day 1", 0.3, 0}, {"i spent", 0.4, 0}, {"we spent", 0.4, 0},
	{"vie de famille", 0.6, 0}, {"tranche de vie", 0.6, 0}, {"on a survecu", 0.6, 0.5},
	{"on survit", 0.5, 0}, {"le petit", 0.4, 0}, {"la petite", 0.4, 0}, {"le grand", 0.3, 0},
	{"la grande", 0.3, 0}, {"les jumeaux", 0.5, 0}, {"les jumelles", 0.5, 0}, {"les enfants", 0.3, 0},
	{"retour d experience", 0.4, 0}, {"bilan de la matinee", 0.4, 0}, {"ma matinee", 0.5, 0},
	{"1 ordi", 0.6, 0}, {"1 seul ordi", 0.7, -0.5}, {"1 laptop", 0.6, 0}, {"day one", 0.3, 0},
	{"double journee", 0.5, 0}, {"j ai fini", 0.3, 0},
	{"chez moi", 0.5, 0}, {"on a fait", 0.5, 0}, {"la journee va etre longue", 0.6, 0}, {"taught", 0.5, 0},
}

// ownNoun is a noun that tells about one's own family or class when a
// possessive ("mes", "ma", "my") stands up to two words before it:
// "mes 3 enfants", "ma classe", "my kids".
type ownNoun struct {
	pat   string
	w     float32 // testimony evidence
	role  string  // the role it suggests, with roleW
	roleW float32
}

var ownNouns = []ownNoun{
	{"enfant", 0.8, post.RoleParent, 1.2}, {"enfants", 0.8, post.RoleParent, 1.2},
	{"fils", 0.8, post.RoleParent, 1.2}, {"fille", 0.8, post.RoleParent, 1.2},
	{"filles", 0.8, post.RoleParent, 1.2}, {"gamin*", 0.8, post.RoleParent, 1.2},
	{"gosse*", 0.8, post.RoleParent, 1.2}, {"loulou*", 0.8, post.RoleParent, 1.2},
	{"minot*", 0.8, post.RoleParent, 1.2}, {"ado", 0.7, post.RoleParent, 1},
	{"ados", 0.7, post.RoleParent, 1}, {"petits", 0.6, post.RoleParent, 0.8},
	{"kid", 0.8, post.RoleParent, 1.2}, {"kids", 0.8, post.RoleParent, 1.2},
	{"son", 0.6, post.RoleParent, 1}, {"daughter*", 0.8, post.RoleParent, 1.2},
	{"children", 0.8, post.RoleParent, 1.2}, {"child", 0.8, post.RoleParent, 1.2},
	{"teenager*", 0.8, post.RoleParent, 1.2},
	{"grand", 0.6, post.RoleParent, 0.8}, {"grande", 0.6, post.RoleParent, 0.8}, {"aine", 0.7, post.RoleParent, 1},
	{"ainee", 0.7, post.RoleParent, 1}, {"cadet", 0.7, post.RoleParent, 1}, {"cadette", 0.7, post.RoleParent, 1},
	{"bebe", 0.6, post.RoleParent, 1}, {"marmaille*", 0.8, post.RoleParent, 1.2},
	{"mere", 0.6, post.RolePupil, 0.6}, {"pere", 0.6, post.RolePupil, 0.6},
	{"parents", 0.6, post.RolePupil, 0.6}, {"frere", 0.6, post.RolePupil, 0.6},
	{"soeur", 0.6, post.RolePupil, 0.6}, {"petit frere", 0.6, post.RolePupil, 0.8},
	{"petite soeur", 0.6, post.RolePupil, 0.8},
	{"eleves", 0.8, post.RoleTeacher, 1.2}, {"etudiants", 0.7, post.RoleTeacher, 1},
	{"classe", 0.6, post.RoleTeacher, 0.8}, {"classes", 0.6, post.RoleTeacher, 0.8},
	{"cp", 0.6, post.RoleTeacher, 0.6}, {"ce1", 0.6, post.RoleTeacher, 0.6},
	{"ce2", 0.6, post.RoleTeacher, 0.6}, {"cm1", 0.6, post.RoleTeacher, 0.6},
	{"cm2", 0.6, post.RoleTeacher, 0.6}, {"terminales", 0.7, post.RoleTeacher, 1},
	{"2nde", 0.7, post.RoleTeacher, 1}, {"2ndes", 0.7, post.RoleTeacher, 1}, {"bts", 0.7, post.RoleTeacher, 1},
	{"1eres", 0.7, post.RoleTeacher, 1}, {"tles", 0.7, post.RoleTeacher, 1},
	{"secondes", 0.7, post.RoleTeacher, 1}, {"premieres", 0.7, post.RoleTeacher, 1},
	{"6e", 0.7, post.RoleTeacher, 1}, {"5e", 0.7, post.RoleTeacher, 1},
	{"4e", 0.7, post.RoleTeacher, 1}, {"3e", 0.7, post.RoleTeacher, 1},
	{"6emes", 0.7, post.RoleTeacher, 1}, {"5emes", 0.7, post.RoleTeacher, 1},
	{"4emes", 0.7, post.RoleTeacher, 1}, {"3emes", 0.7, post.RoleTeacher, 1},
	{"students", 0.8, post.RoleTeacher, 1.2}, {"pupils", 0.8, post.RoleTeacher, 1.2},
	{"eleve", 0.7, post.RoleTeacher, 1}, {"graders", 0.8, post.RoleTeacher, 1.2},
	{"class", 0.6, post.RoleTeacher, 0.8},
	{"prof", 0.6, post.RolePupil, 1}, {"profs", 0.6, post.RolePupil, 1},
	{"maitresse", 0.6, post.RolePupil, 0.4}, {"devoirs", 0.5, post.RolePupil, 0.6},
	{"bac", 0.6, post.RolePupil, 1}, {"cours", 0.5, "", 0}, {"teacher*", 0.6, post.RolePupil, 1},
	{"homework", 0.5, post.RolePupil, 0.6},
	{"controle", 0.5, post.RolePupil, 1}, {"dm", 0.5, post.RolePupil, 1}, {"ds", 0.5, post.RolePupil, 1},
	{"dissert", 0.5, post.RolePupil, 1}, {"exos", 0.5, post.RolePupil, 0.6}, {"notes", 0.5, post.RolePupil, 0.6},
}

// possessives are first-person possessives (and count as first person).
var possessives = []string{"mes", "mon", "ma", "nos", "notre", "my", "our"}

// firstPerson are first-person words (weak testimony evidence, capped).
var firstPerson = []string{
	"je", "j", "moi", "me", "nous", "perso", "jsuis", "jme", "chuis", "jvais", "on a", "on est",
	"i", "i m", "i ve", "we", "us",
}

// contextCues are about living through remote schooling (weak, capped).
var contextCues = []string{
	"cours", "devoirs", "classe", "distanciel", "a distance", "visio", "ecole", "college",
	"lycee", "ordi", "ordinateur", "tablette", "connexion", "wifi", "imprimante", "teletravail",
	"confinement", "reconfinement", "maitresse", "ecolealamaison", "ecole a la maison",
	"continuitepedagogique", "continuite pedagogique", "enseignement a distance", "homeschooling",
	"home schooling", "remote learning", "online class*", "lessons", "homework", "school",
	"laptop", "ce matin", "this morning", "exercices", "recre", "recreation", "eleves", "dm",
	"copies", "dictee", "cahier", "maths", "eleve", "prof", "profs", "aujourd hui", "today", "online",
}

// newsCues mark news, official statements, ads and tips (label other).
var newsCues = []w{
	{"selon", 0.5, 0}, {"d apres", 0.3, 0}, {"annonce*", 0.6, 0}, {"a annonce", 0.8, 0},
	{"communique", 0.7, 0}, {"communique de presse", 1, 0}, {"point presse", 0.8, 0},
	{"article", 0.5, 0}, {"a lire", 0.7, 0}, {"lire aussi", 0.9, 0}, {"en direct", 0.8, 0},
	{"direct", 0.4, 0}, {"urgent", 0.4, 0}, {"video", 0.4, 0}, {"reportage", 0.8, 0},
	{"interview", 0.6, 0}, {"temoignages", 0.5, 0}, {"temoignez", 0.8, 0},
	{"appel a temoignages", 1, 0}, {"retrouvez", 0.6, 0}, {"decouvrez", 0.6, 0},
	{"explique", 0.3, 0}, {"a declare", 0.7, 0}, {"declare", 0.4, 0}, {"tribune", 0.6, 0},
	{"breaking", 0.8, 0}, {"according to", 0.6, 0}, {"announced", 0.7, 0}, {"reportedly", 0.6, 0},
	{"tuto*", 0.7, 0}, {"astuce*", 0.7, 0}, {"conseils", 0.5, 0}, {"webinaire*", 0.8, 0},
	{"inscrivez vous", 0.8, 0}, {"pensez a", 0.5, 0}, {"rappel", 0.4, 0}, {"depeche", 0.7, 0},
	{"afp", 0.8, 0}, {"info", 0.3, 0}, {"infos", 0.3, 0}, {"les chiffres", 0.5, 0},
	{"le point sur", 0.8, 0}, {"ce qu il faut savoir", 0.9, 0}, {"ce qui change", 0.8, 0},
	{"mode d emploi", 0.8, 0}, {"je partage", 0.7, 0}, {"nos lecteurs", 0.8, 0},
	{"on vous explique", 0.9, 0}, {"en chiffres", 0.8, 0}, {"thread", 0.3, 0},
	{"lavoixdunord", 0.6, 0}, {"francetvinfo", 0.6, 0}, {"ladepeche", 0.6, 0}, {"leparisien", 0.6, 0},
	{"lemonde", 0.6, 0}, {"lefigaro", 0.6, 0}, {"20minutes", 0.6, 0}, {"ouest france", 0.6, 0},
	{"liberation", 0.5, 0}, {"bfmtv", 0.6, 0}, {"franceinfo", 0.6, 0}, {"actu fr", 0.6, 0},
	{"cours particuliers", 0.8, 0}, {"sur le blog", 0.8, 0}, {"lien en bio", 0.7, 0},
	{"moi quand", 0.6, 0},
}

// queryCues ask for information: a question mark after them is not
// rhetorical ("Quelqu'un sait si...?", "Petit sondage : ...?").
var queryCues = []string{
	"quelqu un", "quelqu un sait", "qui sait", "qui a un", "qui a une", "est ce que", "sondage", "comment",
	"combien", "savez vous", "anyone", "does anyone", "what is",
}

// worksCues say that a platform works ("Pronote ok, mais l'ENT est KO"):
// right after a platform's name, not negated, they mark it as not the one
// that fails when another one is named.
var worksCues = []string{
	"ok", "marche", "fonctionne", "fonctionnent", "tient", "tient bon", "a tenu", "nickel", "works", "held up",
}

// negators negate a cue standing up to three words after them (before),
// and the post-verbal ones a verb one or two words before them (after: "ça
// marche pas"). "plus" only follows: before a word it means "more".
var negators = []struct {
	pat           string
	before, after bool
}{
	{"ne", true, false}, {"n", true, false}, {"pas", true, true}, {"plus", false, true},
	{"jamais", true, true}, {"rien", true, true}, {"aucun", true, false}, {"aucune", true, false},
	{"sans", true, false}, {"impossible", true, false},
	{"not", true, false}, {"cannot", true, false}, {"never", true, false}, {"no", true, false},
	{"unable", true, false}, {"nothing", true, false}, {"don t", true, false}, {"doesn t", true, false},
	{"didn t", true, false}, {"can t", true, false}, {"won t", true, false}, {"isn t", true, false},
	{"aren t", true, false}, {"wasn t", true, false}, {"couldn t", true, false},
	{"wouldn t", true, false}, {"haven t", true, false}, {"hasn t", true, false},
	{"dont", true, false}, {"doesnt", true, false}, {"cant", true, false}, {"wont", true, false},
	{"isnt", true, false},
}

// clauseWords start a new clause: a negation before them does not reach
// the words after them ("je ne sais pas si ça marche").
var clauseWords = []string{
	"si", "que", "qu", "mais", "et", "ou", "car", "parce", "quand", "lorsque", "alors",
	"if", "whether", "but", "and", "or", "because", "when", "so",
}

// platformCues name the platforms of the contract. Regional ENTs, which
// also give a region, are in the gazetteer (entNames).
var platformCues = []struct {
	pat, platform string
	w             float32
}{
	{"pronote*", post.PlatformPronote, 1}, {"index education", post.PlatformPronote, 0.8},
	{"cned*", post.PlatformCNED, 1}, {"ma classe a la maison", post.PlatformCNED, 1},
	{"maclassealamaison", post.PlatformCNED, 1}, {"classe a la maison", post.PlatformCNED, 0.8},
	{"classe virtuelle", post.PlatformCNED, 0.6}, {"classes virtuelles", post.PlatformCNED, 0.6},
	{"classevirtuelle", post.PlatformCNED, 0.6}, {"classes virtuelles du cned", post.PlatformCNED, 1},
	{"ent", post.PlatformENT, 1}, {"ents", post.PlatformENT, 1}, {"e n t", post.PlatformENT, 1},
	{"monent", post.PlatformENT, 1},
	{"espace numerique de travail", post.PlatformENT, 1},
	{"environnement numerique de travail", post.PlatformENT, 1},
	{"skolengo", post.PlatformENT, 1}, {"kosmos", post.PlatformENT, 0.8},
	{"eclat", post.PlatformENT, 0.5}, {"beneylu*", post.PlatformENT, 1}, {"ent one", post.PlatformENT, 1}, {"open ent", post.PlatformENT, 1},
	{"zoom", post.PlatformVisio, 0.8}, {"teams", post.PlatformVisio, 0.6},
	{"microsoft teams", post.PlatformVisio, 1}, {"msteams", post.PlatformVisio, 1},
	{"google meet", post.PlatformVisio, 1}, {"meet", post.PlatformVisio, 0.6},
	{"bigbluebutton", post.PlatformVisio, 1}, {"big blue button", post.PlatformVisio, 1},
	{"bbb", post.PlatformVisio, 0.8}, {"jitsi*", post.PlatformVisio, 1},
	{"discord", post.PlatformVisio, 1}, {"skype", post.PlatformVisio, 1},
	{"webex", post.PlatformVisio, 1},
	// a video class without a named tool is still the visio category
	{"visio", post.PlatformVisio, 0.5}, {"visios", post.PlatformVisio, 0.5},
	{"visioconference*", post.PlatformVisio, 0.5},
}

// roleCue is a role clue. Where says where it counts: in the profile (bio,
// display name, handle), in the display name or handle only, or in the text.
type roleCue struct {
	pat  string
	role string
	w    float32
}

// profileRoles count in the bio, the display name and the handle.
var profileRoles = []roleCue{
	{"prof", post.RoleTeacher, 1}, {"profs", post.RoleTeacher, 0.8},
	{"professeur*", post.RoleTeacher, 1}, {"enseignant*", post.RoleTeacher, 1},
	{"instit*", post.RoleTeacher, 1}, {"prof des ecoles", post.RoleTeacher, 1.2},
	{"professeur des ecoles", post.RoleTeacher, 1.2}, {"maitresse", post.RoleTeacher, 1},
	{"maitre d ecole", post.RoleTeacher, 1}, {"directeur d ecole", post.RoleTeacher, 1},
	{"directrice d ecole", post.RoleTeacher, 1}, {"directrice", post.RoleTeacher, 0.5},
	{"cpe", post.RoleTeacher, 0.7}, {"aesh", post.RoleTeacher, 0.7}, {"agrege*", post.RoleTeacher, 0.7},
	{"pe en", post.RoleTeacher, 1}, {"pe", post.RoleTeacher, 0.5}, {"maitre", post.RoleTeacher, 0.7},
	{"certifie*", post.RoleTeacher, 0.5}, {"teacher*", post.RoleTeacher, 1},
	{"educator", post.RoleTeacher, 1}, {"snes*", post.RoleTeacher, 0.8}, {"snuipp*", post.RoleTeacher, 0.8},
	{"se unsa", post.RoleTeacher, 0.8}, {"sgen*", post.RoleTeacher, 0.8},
	{"sud education", post.RoleTeacher, 0.8}, {"cgt educ*", post.RoleTeacher, 0.8},
	{"maman", post.RoleParent, 1}, {"papa", post.RoleParent, 1}, {"manman", post.RoleParent, 1},
	// a "prof" who does not teach at school hides the "prof" inside
	{"prof de yoga", post.RoleUnknown, 0}, {"prof de danse", post.RoleUnknown, 0},
	{"prof de piano", post.RoleUnknown, 0}, {"prof de guitare", post.RoleUnknown, 0}, {"mere de", post.RoleParent, 1},
	{"pere de", post.RoleParent, 1}, {"mere de famille", post.RoleParent, 1.2},
	{"parent", post.RoleParent, 0.8}, {"parents", post.RoleParent, 0.6},
	{"parent d eleve*", post.RoleParent, 1.2}, {"parents d eleves", post.RoleParent, 1.2},
	{"fcpe", post.RoleParent, 1}, {"peep", post.RoleParent, 0.8}, {"mum", post.RoleParent, 1},
	{"mom", post.RoleParent, 1}, {"mother", post.RoleParent, 1}, {"dad", post.RoleParent, 1},
	{"father", post.RoleParent, 1},
	{"eleve", post.RolePupil, 1}, {"lyceen*", post.RolePupil, 1}, {"collegien*", post.RolePupil, 1},
	{"en terminale", post.RolePupil, 1}, {"en premiere", post.RolePupil, 1},
	{"en seconde", post.RolePupil, 1}, {"en 3eme", post.RolePupil, 1}, {"en 3e", post.RolePupil, 1},
	{"terminale", post.RolePupil, 0.8}, {"bac 2021", post.RolePupil, 0.8},
	{"bac2021", post.RolePupil, 0.8}, {"student", post.RolePupil, 0.6},
	{"etudiant*", post.RolePupil, 0.5}, {"high school", post.RolePupil, 0.6}, {"lycee student", post.RolePupil, 1},
	{"highschool", post.RolePupil, 0.8},
	// a class level or a teenage age in a bio is the author's own
	{"6e", post.RolePupil, 0.8}, {"5e", post.RolePupil, 0.8}, {"4e", post.RolePupil, 0.8},
	{"3e", post.RolePupil, 0.8}, {"6eme", post.RolePupil, 0.8}, {"5eme", post.RolePupil, 0.8},
	{"4eme", post.RolePupil, 0.8}, {"3eme", post.RolePupil, 0.8}, {"seconde", post.RolePupil, 0.8},
	{"premiere", post.RolePupil, 0.8}, {"1ere", post.RolePupil, 0.8}, {"tle", post.RolePupil, 0.8},
	{"2nde", post.RolePupil, 0.8},
	{"11 ans", post.RolePupil, 0.8}, {"12 ans", post.RolePupil, 0.8}, {"13 ans", post.RolePupil, 0.8},
	{"14 ans", post.RolePupil, 0.8}, {"15 ans", post.RolePupil, 0.8}, {"16 ans", post.RolePupil, 0.8},
	{"17 ans", post.RolePupil, 0.8}, {"18 ans", post.RolePupil, 0.8},
	{"academie", post.RoleInstitution, 0.6}, {"rectorat", post.RoleInstitution, 0.8},
	{"ministere", post.RoleInstitution, 0.6}, {"compte officiel", post.RoleInstitution, 1.5},
	{"official account", post.RoleInstitution, 1.5}, {"officiel", post.RoleInstitution, 0.6},
	{"mairie", post.RoleInstitution, 0.8}, {"ville de", post.RoleInstitution, 0.8},
	{"conseil regional", post.RoleInstitution, 0.8}, {"conseil departemental", post.RoleInstitution, 0.8},
	{"prefecture", post.RoleInstitution, 0.8}, {"dsden", post.RoleInstitution, 1},
	{"etablissement", post.RoleInstitution, 0.6}, {"canope", post.RoleInstitution, 0.8},
	{"onisep", post.RoleInstitution, 0.8}, {"service communication", post.RoleInstitution, 1},
	{"gouv", post.RoleInstitution, 0.8}, {"education gouv", post.RoleInstitution, 1.5},
	{"journaliste", post.RoleMedia, 1.2}, {"journalist", post.RoleMedia, 1.2},
	{"redaction", post.RoleMedia, 1}, {"media", post.RoleMedia, 0.8}, {"medias", post.RoleMedia, 0.8},
	{"journal", post.RoleMedia, 0.8}, {"quotidien", post.RoleMedia, 0.8}, {"hebdo*", post.RoleMedia, 0.8},
	{"magazine", post.RoleMedia, 0.8}, {"actu", post.RoleMedia, 0.8}, {"actus", post.RoleMedia, 0.8},
	{"actualite*", post.RoleMedia, 0.8}, {"info", post.RoleMedia, 0.35}, {"infos", post.RoleMedia, 0.35},
	{"news", post.RoleMedia, 0.8}, {"radio", post.RoleMedia, 0.8}, {"presse", post.RoleMedia, 0.8},
	{"reporter", post.RoleMedia, 1}, {"tv", post.RoleMedia, 0.6}, {"l info", post.RoleMedia, 0.9},
	{"editeur de", post.RoleInstitution, 0.9}, {"plateforme educative", post.RoleInstitution, 0.9},
	{"audiovisuel public", post.RoleInstitution, 0.8},
}

// nameRoles count only in the display name or handle: account names of
// institutions and media.
var nameRoles = []roleCue{
	{"college", post.RoleInstitution, 0.8}, {"lycee", post.RoleInstitution, 0.8},
	{"ecole", post.RoleInstitution, 0.6}, {"academie", post.RoleInstitution, 1},
	{"cned", post.RoleInstitution, 0.8}, {"education nationale", post.RoleInstitution, 1},
	{"region", post.RoleInstitution, 0.8}, {"departement", post.RoleInstitution, 0.8},
	{"france bleu", post.RoleMedia, 1.5}, {"france 3", post.RoleMedia, 1.5}, {"france 2", post.RoleMedia, 1.5},
	{"france info", post.RoleMedia, 1.5}, {"franceinfo", post.RoleMedia, 1.5},
	{"france inter", post.RoleMedia, 1.5}, {"bfm*", post.RoleMedia, 1.5}, {"le parisien", post.RoleMedia, 1.5},
	{"le monde", post.RoleMedia, 1}, {"ouest france", post.RoleMedia, 1.5},
	{"la voix du nord", post.RoleMedia, 1.5}, {"20 minutes", post.RoleMedia, 1.5},
	{"20minutes", post.RoleMedia, 1.5}, {"liberation", post.RoleMedia, 1}, {"libe", post.RoleMedia, 0.8},
	{"le figaro", post.RoleMedia, 1.5}, {"afp", post.RoleMedia, 1.5}, {"actu fr", post.RoleMedia, 1.5},
	{"le progres", post.RoleMedia, 1.5}, {"sud ouest", post.RoleMedia, 1.5},
	{"la depeche", post.RoleMedia, 1.5}, {"nice matin", post.RoleMedia, 1.5},
	{"le telegramme", post.RoleMedia, 1.5}, {"l est republicain", post.RoleMedia, 1.5},
	{"midi libre", post.RoleMedia, 1.5}, {"europe 1", post.RoleMedia, 1.5}, {"rtl", post.RoleMedia, 1.2},
	{"lci", post.RoleMedia, 1.2}, {"cnews", post.RoleMedia, 1.2}, {"cafe pedagogique", post.RoleMedia, 1.5},
	{"vousnousils", post.RoleMedia, 1.5}, {"l etudiant", post.RoleMedia, 1}, {"huffpost", post.RoleMedia, 1.5},
	{"mediapart", post.RoleMedia, 1.5}, {"le point", post.RoleMedia, 1}, {"l express", post.RoleMedia, 1},
	{"l obs", post.RoleMedia, 1}, {"konbini", post.RoleMedia, 1.5}, {"brut", post.RoleMedia, 1},
	{"le dauphine", post.RoleMedia, 1.5}, {"la provence", post.RoleMedia, 1.5}, {"tf1", post.RoleMedia, 1.5},
	{"m6", post.RoleMedia, 1.2}, {"le journal", post.RoleMedia, 1},
	{"index education", post.RoleInstitution, 1.2}, {"lumni", post.RoleInstitution, 1.2},
	{"reseau canope", post.RoleInstitution, 1.2},
	// regional dailies
	{"dna", post.RoleMedia, 1.2}, {"dernieres nouvelles", post.RoleMedia, 1.2},
	{"paris normandie", post.RoleMedia, 1.5}, {"la republique du centre", post.RoleMedia, 1.5},
	{"le maine libre", post.RoleMedia, 1.5}, {"la nouvelle republique", post.RoleMedia, 1.5},
	{"le courrier picard", post.RoleMedia, 1.5}, {"l union", post.RoleMedia, 1},
	{"le republicain lorrain", post.RoleMedia, 1.5}, {"le bien public", post.RoleMedia, 1.5},
	{"la montagne", post.RoleMedia, 1}, {"centre presse", post.RoleMedia, 1.5},
	{"le populaire du centre", post.RoleMedia, 1.5}, {"corse matin", post.RoleMedia, 1.5},
	{"var matin", post.RoleMedia, 1.5}, {"france antilles", post.RoleMedia, 1.5},
	{"l independant", post.RoleMedia, 1.2}, {"presse ocean", post.RoleMedia, 1.5},
	{"le courrier de l ouest", post.RoleMedia, 1.5}, {"l yonne republicaine", post.RoleMedia, 1.5},
	{"charente libre", post.RoleMedia, 1.5}, {"le journal de saone et loire", post.RoleMedia, 1.5},
	{"l alsace", post.RoleMedia, 1.2}, {"le berry republicain", post.RoleMedia, 1.5},
	{"la voix", post.RoleMedia, 1}, {"le quotidien", post.RoleMedia, 1.2}, {"clicanoo", post.RoleMedia, 1.5},
}

// textRoles count in the text of the post.
var textRoles = []roleCue{
	{"je suis prof", post.RoleTeacher, 1.5}, {"je suis enseignant*", post.RoleTeacher, 1.5},
	{"en tant que prof", post.RoleTeacher, 1.5}, {"en tant qu enseignant*", post.RoleTeacher, 1.5},
	{"j enseigne", post.RoleTeacher, 1.2}, {"as a teacher", post.RoleTeacher, 1.5},
	{"i teach", post.RoleTeacher, 1.2}, {"je suis maman", post.RoleParent, 1.5},
	{"je suis papa", post.RoleParent, 1.5}, {"en tant que parent", post.RoleParent, 1.5},
	{"en tant que maman", post.RoleParent, 1.5}, {"en tant que papa", post.RoleParent, 1.5},
	{"en tant que mere", post.RoleParent, 1.5}, {"en tant que pere", post.RoleParent, 1.5},
	{"as a parent", post.RoleParent, 1.5}, {"je suis en terminale", post.RolePupil, 1.5},
	{"je suis en premiere", post.RolePupil, 1.5}, {"je suis en seconde", post.RolePupil, 1.5},
	{"je suis en 3eme", post.RolePupil, 1.5}, {"mon bac", post.RolePupil, 0.8},
	{"nous vous informons", post.RoleInstitution, 1}, {"chers parents", post.RoleInstitution, 0.8},
	{"les familles sont invitees", post.RoleInstitution, 1},
}

// sentimentWords carry polarity only. They are negatable ("pas bien").
var sentimentWords = []w{
	{"bien", 0, 1}, {"bon", 0, 1}, {"bonne", 0, 1}, {"super", 0, 2}, {"genial", 0, 2},
	{"top", 0, 1.5}, {"parfait", 0, 2}, {"parfaitement", 0, 1.5}, {"merci", 0, 1.5},
	{"content", 0, 1.5}, {"contente", 0, 1.5}, {"heureux", 0, 1.5}, {"heureuse", 0, 1.5},
	{"ravi", 0, 2}, {"ravie", 0, 2}, {"cool", 0, 1}, {"chouette", 0, 1.5}, {"excellent*", 0, 2},
	{"efficace", 0, 1}, {"reussi", 0, 1}, {"fluide", 0, 1}, {"facile", 0, 1}, {"bravo aux", 0, 1.5},
	{"good", 0, 1}, {"great", 0, 2}, {"thanks", 0, 1.5}, {"thank", 0, 1.5}, {"love", 0, 2},
	{"happy", 0, 1.5}, {"nice", 0, 1}, {"awesome", 0, 2}, {"glad", 0, 1.5}, {"well done", 0, 1.5},
	{"mal", 0, -1}, {"horrible", 0, -2}, {"terrible", 0, -1.5}, {"pas terrible", 0, -1},
	{"triste", 0, -1.5}, {"galere*", 0, -1.5}, {"penible", 0, -1.5}, {"dur", 0, -0.5},
	{"difficile", 0, -1}, {"stress*", 0, -1.5}, {"angoisse*", 0, -1.5}, {"fatigue*", 0, -1},
	{"epuise*", 0, -1.5}, {"desespere*", 0, -2}, {"deprime*", 0, -1.5}, {"pleure*", 0, -1.5},
	{"inquiet*", 0, -1}, {"peur", 0, -1}, {"chaos", 0, -2}, {"pire", 0, -1.5}, {"dommage", 0, -1},
	{"helas", 0, -1}, {"malheureusement", 0, -1}, {"decu*", 0, -1.5}, {"decevant*", 0, -1.5},
	{"impossible", 0, -1}, {"enfer", 0, -2}, {"cauchemar", 0, -2}, {"bazar", 0, -1},
	{"bad", 0, -1.5}, {"awful", 0, -2}, {"hate", 0, -2}, {"sad", 0, -1.5}, {"frustrat*", 0, -1.5},
	{"annoying", 0, -1.5}, {"disaster", 0, -2}, {"fail*", 0, -1.5}, {"worst", 0, -2},
	{"sucks", 0, -2}, {"tired", 0, -1}, {"exhausted", 0, -1.5}, {"nightmare", 0, -2},
	{"pas mal", 0, 1},
}
