package scenario

import (
	"strconv"

	"github.com/vigie-edu/vigie/internal/fold"
	"github.com/vigie-edu/vigie/post"
)

// Author roles, as indices.
const (
	roleParent = iota
	roleTeacher
	rolePupil
	roleUnknown
	roleInstitution
	roleMedia
	nRoles
)

var roleNames = [nRoles]string{post.RoleParent, post.RoleTeacher, post.RolePupil, post.RoleUnknown, post.RoleInstitution, post.RoleMedia}

// personsPerCopy is the size of the pool of private authors of one copy of
// the scenario; each region and role gets its share.
const personsPerCopy = 16000

var personRoleShare = [4]float64{roleParent: 0.36, roleTeacher: 0.28, rolePupil: 0.24, roleUnknown: 0.12}

// authorRef identifies an author: the same reference always gives the same
// handle, name, bio and location.
type authorRef struct {
	copy, region, role, idx int
}

// person holds the stable traits of a private author, drawn from its seed.
type person struct {
	fem        bool
	first      string
	last       string
	kids       int
	primary    bool // primary-school teacher
	subj       int  // index in subjects
	class      string
	identifies bool // whether the profile location names the region
	rnd        rng  // what remains of the author's draws
}

// poolOffset numbers the private authors of one copy: the author idx of
// pool (region, role) has the number poolOffset[region][role] + idx, unique
// within the copy; personsTotal is the size of one copy's population.
var poolOffset, personsTotal = func() (off [nRegions][4]int, total int) {
	for reg := range nRegions {
		for role := range 4 {
			off[reg][role] = total
			total += poolSize(reg, role)
		}
	}
	return off, total
}()

// uid is a number unique to the author across every copy.
func (a authorRef) uid() int {
	return a.copy*personsTotal + poolOffset[a.region][a.role] + a.idx
}

func poolSize(region, role int) int {
	n := int(personsPerCopy * regions[region].weight / regionCum[len(regionCum)-1] * personRoleShare[role])
	return max(n, 4)
}

// pickPerson chooses a private author of the region; low indices are chosen
// more often (a few prolific accounts, many occasional ones).
func pickPerson(r *rng, copy, region, role int) authorRef {
	u := r.float()
	return authorRef{copy: copy, region: region, role: role, idx: int(u * u * float64(poolSize(region, role)))}
}

func (a authorRef) person() person {
	r := rng{hash4(uint64(a.copy), uint64(a.region), uint64(a.role), uint64(a.idx)^0x617574686f72)}
	var p person
	switch a.role {
	case roleTeacher:
		p.fem = r.chance(0.72)
	case roleParent:
		p.fem = r.chance(0.68)
	default:
		p.fem = r.chance(0.5)
	}
	if p.fem {
		p.first = pick(&r, femaleNames)
	} else {
		p.first = pick(&r, maleNames)
	}
	p.last = pick(&r, lastNames)
	p.kids = [...]int{2, 2, 2, 2, 3, 3, 3, 4}[r.intn(8)]
	p.primary = r.chance(0.3)
	p.subj = r.intn(len(subjects))
	switch {
	case a.role == rolePupil:
		p.class = pick(&r, pupilClasses)
	case a.role == roleTeacher && !p.primary:
		p.class = pick(&r, teacherClasses)
	default:
		p.class = pick(&r, primaryClasses)
	}
	p.identifies = r.chance(0.62)
	p.rnd = r
	return p
}

type span struct{ a, b int }

// authorStrings appends the handle, display name, bio and location of the
// author to g.all. It returns the region the profile identifies (-1 if none).
func (g *gen) authorStrings(a authorRef, acct *account, national bool, p *person) (handle, name, bio, loc span, idRegion int) {
	if acct != nil {
		handle = g.put(acct.handle)
		name = g.put(acct.name)
		bio = g.put(acct.bio)
		loc = g.put(acct.loc)
		idRegion = -1
		if !national {
			idRegion = a.region
		}
		return
	}
	r := p.rnd
	handle = g.handle(&r, a.role, p, a.uid())
	name = g.displayName(&r, a.role, p)
	bio = g.bio(&r, a.role, p)
	if p.identifies {
		loc = g.put(pick(&r, regions[a.region].locs))
		idRegion = a.region
	} else {
		loc = g.put(pick(&r, vagueLocs))
		idRegion = -1
	}
	return
}

func (g *gen) put(s string) span {
	a := len(g.all)
	g.all = append(g.all, s...)
	return span{a, len(g.all)}
}

// appendASCII appends s folded to ASCII letters and digits, lower-cased or
// with its first letter upper-cased.
func appendASCII(b []byte, s string, title bool) []byte {
	first := true
	for _, c := range s {
		var x byte
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			x = byte(c)
		case c >= 'A' && c <= 'Z':
			x = byte(c) + 'a' - 'A'
		default:
			f := fold.Rune(c)
			if f == "" {
				continue
			}
			if len(f) > 1 {
				b = append(b, f...)
				first = false
				continue
			}
			x = f[0]
		}
		if title && first && x >= 'a' && x <= 'z' {
			x -= 'a' - 'A'
		}
		first = false
		b = append(b, x)
	}
	return b
}

func (g *gen) handle(r *rng, role int, p *person, uid int) span {
	a := len(g.all)
	b := g.all
	first, last := p.first, p.last
	switch v := r.intn(10); {
	case v < 4:
		switch r.intn(7) {
		case 0:
			b = appendASCII(b, first, false)
			b = append(b, '_')
			b = appendASCII(b, last, false)
		case 1:
			b = appendASCII(b, first, false)
			b = appendASCII(b, last, false)
		case 2:
			b = appendASCII(b, first, true)
			b = appendASCII(b, last, true)
		case 3:
			b = appendASCII(b, first, false)
			b = append(b, '.')
			b = appendASCII(b, last[:1], false)
		case 4:
			b = appendASCII(b, first[:1], false)
			b = appendASCII(b, last, false)
		case 5:
			b = appendASCII(b, first, false)
			b = append(b, '_')
			l := len(b)
			b = appendASCII(b, last, false)
			if len(b)-l > 3 {
				b = b[:l+3]
			}
		default:
			b = appendASCII(b, first, true)
			b = appendASCII(b, last[:1], true)
		}
	default:
		switch role {
		case roleTeacher:
			switch r.intn(5) {
			case 0:
				b = append(b, "prof_"...)
				b = appendASCII(b, first, false)
			case 1:
				b = append(b, "Prof"...)
				b = appendASCII(b, first, true)
			case 2:
				if p.fem {
					b = append(b, "Mme"...)
				} else {
					b = append(b, "M_"...)
				}
				b = appendASCII(b, last, true)
			case 3:
				if p.primary {
					if p.fem {
						b = append(b, "maitresse_"...)
					} else {
						b = append(b, "maitre_"...)
					}
					b = appendASCII(b, first, false)
				} else {
					b = append(b, "profde"...)
					b = appendASCII(b, subjects[p.subj].short, false)
					b = append(b, '_')
					b = appendASCII(b, first[:1], false)
					b = appendASCII(b, last[:1], false)
				}
			default:
				b = appendASCII(b, first, false)
				b = append(b, "_prof"...)
			}
		case roleParent:
			switch r.intn(4) {
			case 0:
				if p.fem {
					b = append(b, "mamande"...)
				} else {
					b = append(b, "papade"...)
				}
				b = strconv.AppendInt(b, int64(p.kids), 10)
				b = append(b, '_')
				b = appendASCII(b, first, false)
			case 1:
				if p.fem {
					b = append(b, "maman_"...)
				} else {
					b = append(b, "papa_"...)
				}
				b = appendASCII(b, first, false)
			case 2:
				b = appendASCII(b, first, false)
				if p.fem {
					b = append(b, "_maman"...)
				} else {
					b = append(b, "_papa"...)
				}
			default:
				b = appendASCII(b, first, true)
				b = appendASCII(b, last, true)
			}
		case rolePupil:
			switch r.intn(6) {
			case 0:
				b = appendASCII(b, first, false)
				b = append(b, '_')
				b = strconv.AppendInt(b, int64(r.between(2004, 2010)), 10)
			case 1:
				b = append(b, "xX"...)
				b = appendASCII(b, first, false)
				b = append(b, "Xx"...)
			case 2:
				b = appendASCII(b, first, false)
				b = append(b, ".off"...)
			case 3:
				b = appendASCII(b, first, false)
				b = append(b, pick(r, []string{"_tkt", "_lrd", "_jsp", "_mtn", "_ofc", "_zz"})...)
			case 4:
				b = append(b, pick(r, []string{"jsp_", "not", "its", "just", "lil"})...)
				b = appendASCII(b, first, false)
			default:
				b = appendASCII(b, first, false)
				b = appendASCII(b, last[:1], false)
			}
		default:
			b = append(b, pick(r, nickA)...)
			if r.chance(0.4) {
				b = append(b, '_')
			}
			b = append(b, pick(r, nickB)...)
		}
	}
	// Handles end with a number unique to the author, so that two authors
	// never share a handle.
	if c := b[len(b)-1]; c >= '0' && c <= '9' {
		b = append(b, '_')
	}
	b = strconv.AppendInt(b, int64(uid), 10)
	g.all = b
	return span{a, len(b)}
}

func (g *gen) displayName(r *rng, role int, p *person) span {
	a := len(g.all)
	b := g.all
	full := func() {
		b = append(b, p.first...)
		b = append(b, ' ')
		b = append(b, p.last...)
	}
	initial := func() {
		b = append(b, p.first...)
		b = append(b, ' ')
		b = appendASCII(b, p.last[:1], true)
		b = append(b, '.')
	}
	switch role {
	case roleTeacher:
		switch r.intn(7) {
		case 0, 1:
			full()
		case 2:
			initial()
		case 3:
			if p.fem {
				b = append(b, "Mme "...)
			} else {
				b = append(b, "M. "...)
			}
			b = append(b, p.last...)
		case 4:
			b = append(b, p.first...)
			b = append(b, " | prof "...)
			if p.primary {
				b = append(b, "des écoles"...)
			} else {
				b = append(b, subjects[p.subj].prep...)
			}
		case 5:
			b = append(b, p.first...)
			b = append(b, pick(r, []string{" 🍎", " 📚", " ✏️", " 🌱"})...)
		default:
			if p.primary {
				if p.fem {
					b = append(b, "Maîtresse "...)
				} else {
					b = append(b, "Maître "...)
				}
			} else {
				b = append(b, "Prof "...)
			}
			b = append(b, p.first...)
		}
	case roleParent:
		switch r.intn(6) {
		case 0, 1:
			full()
		case 2:
			b = append(b, p.first...)
		case 3:
			b = append(b, p.first...)
			b = append(b, pick(r, []string{" 🌸", " 🌈", " ☕", " 🌻", " 🏡"})...)
		case 4:
			if p.fem {
				b = append(b, "Maman de "...)
			} else {
				b = append(b, "Papa de "...)
			}
			b = strconv.AppendInt(b, int64(p.kids), 10)
		default:
			initial()
		}
	case rolePupil:
		switch r.intn(5) {
		case 0:
			b = appendASCII(b, p.first, false)
		case 1:
			b = append(b, p.first...)
			b = append(b, pick(r, []string{" ✨", " 🎧", " ⚽", " 🦋", " 🌙", " 🎮"})...)
		case 2:
			b = append(b, p.first...)
			b = append(b, ' ')
			b = appendASCII(b, p.last[:1], true)
		case 3:
			b = appendASCII(b, p.first, false)
			b = append(b, '.')
		default:
			b = append(b, p.first...)
		}
	default:
		switch r.intn(4) {
		case 0:
			b = append(b, p.first...)
		case 1:
			full()
		case 2:
			b = append(b, pick(r, nickNames)...)
		default:
			b = appendASCII(b, p.first[:1], true)
			b = append(b, ". "...)
			b = append(b, p.last...)
		}
	}
	g.all = b
	return span{a, len(b)}
}

func (g *gen) bio(r *rng, role int, p *person) span {
	a := len(g.all)
	b := g.all
	fem := p.fem
	switch role {
	case roleTeacher:
		if p.primary {
			switch r.intn(4) {
			case 0:
				b = append(b, "PE en "...)
				b = append(b, p.class...)
			case 1:
				b = append(b, pickG(r, fem, "Professeure des écoles", "Professeur des écoles")...)
			case 2:
				b = append(b, pickG(r, fem, "Maîtresse de ", "Instit en ")...)
				b = append(b, p.class...)
				b = append(b, " 🍎"...)
			default:
				b = append(b, pickG(r, fem, "Directrice d'école", "Directeur d'école")...)
			}
		} else {
			switch r.intn(3) {
			case 0:
				b = append(b, "Prof "...)
			case 1:
				b = append(b, pickG(r, fem, "Professeure ", "Professeur ")...)
			default:
				b = append(b, pickG(r, fem, "Enseignante ", "Enseignant ")...)
			}
			b = append(b, subjects[p.subj].prep...)
			b = append(b, pick(r, []string{"", "", " en collège", " au lycée", " en lycée pro", " en REP", " au collège"})...)
		}
		b = append(b, pick(r, teacherExtras)...)
	case roleParent:
		k := byte('0' + p.kids)
		switch r.intn(6) {
		case 0:
			b = append(b, pickG(r, fem, "Maman de ", "Papa de ")...)
			b = append(b, k)
			b = append(b, pick(r, []string{" loulous", " enfants", " enfants", " ados", " petits monstres"})...)
		case 1:
			b = append(b, pickG(r, fem, "maman x", "papa x")...)
			b = append(b, k)
			b = append(b, pick(r, []string{" 🌸", " 💪", "", " ❤️"})...)
		case 2:
			b = append(b, "Parent d'élève"...)
			b = append(b, pick(r, []string{"", " FCPE", " PEEP", " élu"})...)
		case 3:
			b = append(b, pickG(r, fem, "Mère de ", "Père de ")...)
			b = append(b, k)
			b = append(b, " enfants"...)
		case 4:
			b = append(b, pickG(r, fem, "Maman solo de ", "Papa solo de ")...)
			b = append(b, k)
		default:
			b = append(b, pickG(r, fem, "Maman", "Papa")...)
			b = append(b, pick(r, []string{" et télétravailleuse", " à plein temps", " débordée", " de famille nombreuse", " et infirmière", " poule"})...)
		}
		b = append(b, pick(r, parentExtras)...)
	case rolePupil:
		switch r.intn(4) {
		case 0:
			b = append(b, "élève de "...)
			b = append(b, p.class...)
		case 1:
			b = append(b, p.class...)
			b = append(b, " · "...)
			b = append(b, pick(r, hobbies)...)
		case 2:
			b = strconv.AppendInt(b, int64(r.between(11, 18)), 10)
			b = append(b, " ans · "...)
			b = append(b, pick(r, hobbies)...)
		default:
			b = append(b, pickG(r, fem, "élève en ", "élève en ")...)
			b = append(b, p.class...)
			b = append(b, pick(r, []string{"", " 📚", " 😴", " | bac 2022", " | brevet 2021"})...)
		}
	default:
		b = append(b, pick(r, unknownBios)...)
	}
	g.all = b
	return span{a, len(b)}
}

func pickG(r *rng, fem bool, f, m string) string {
	if fem {
		return f
	}
	return m
}

type subject struct{ short, prep string }

var subjects = []subject{
	{"SVT", "de SVT"}, {"maths", "de maths"}, {"HG", "d'HG"}, {"francais", "de français"}, {"anglais", "d'anglais"},
	{"physique", "de physique-chimie"}, {"EPS", "d'EPS"}, {"lettres", "de lettres"}, {"SES", "de SES"}, {"philo", "de philo"},
	{"espagnol", "d'espagnol"}, {"allemand", "d'allemand"}, {"techno", "de techno"}, {"artspla", "d'arts plastiques"},
	{"musique", "de musique"}, {"NSI", "de NSI"}, {"histoire", "d'histoire-géo"}, {"eco", "d'éco-gestion"},
}

var (
	primaryClasses = []string{"CP", "CE1", "CE2", "CM1", "CM2", "GS", "MS-GS", "CE2-CM1", "CM1-CM2", "CP-CE1"}
	teacherClasses = []string{"6e", "5e", "4e", "3e", "2nde", "1ère", "Tle", "3e B", "4e2", "2nde 5", "terminales", "premières", "secondes", "élèves de 5e", "6e C", "BTS"}
	pupilClasses   = []string{"6e", "5e", "4e", "3e", "2nde", "1ère", "Tle", "1ère STMG", "Tle spé maths", "4ème", "3ème", "seconde", "première", "terminale", "1ère générale", "Tle STI2D"}
	hobbies        = []string{"gaming 🎮", "foot ⚽", "danse", "🎧", "manga", "basket", "dessin ✏️", "k-pop", "rap fr", "équitation 🐴", "natation"}
	teacherExtras  = []string{"", "", "", " · avis perso", " · tweets perso", " · 🍎", " | RT ≠ approbation", " · syndiqué·e", " · parent aussi", " · coureur du dimanche", " · passionné·e", " · TZR", " · néo-titulaire", " · PP de 3e"}
	parentExtras   = []string{"", "", "", " · télétravail", " · infirmière", " · dev le jour", " · commerçant", " · 🌿", " · fan de café", " · RT ≠ approbation", " · en télétravail forcé"}
	unknownBios    = []string{"", "", "", "", "avis perso", "☕", "curieux de tout", "RT ≠ approbation", "Développeur", "Retraité", "Citoyen engagé", "Amoureuse des chats 🐈", "Photographe amateur", "J'aime pas les lundis", "🌱 🚲", "Juste là pour lire", "Ingénieur. Opinions perso.", "Vu d'ici", "Supporter de l'OM ⚽", "Infirmière de nuit"}
	nickA          = []string{"le", "la", "petit", "grand", "vieux", "mr", "mme", "doux", "simple", "juste", "un", "cest", "la_vraie", "super"}
	nickB          = []string{"citron", "hibou", "chatgris", "panda", "cafe", "renard", "nuage", "caillou", "biscotte", "colibri", "tournesol", "pasfaux", "lucide", "rageux", "ours", "bidule", "machin", "pingouin"}
	nickNames      = []string{"Le Chat Gris", "🌻", "Citron Vert", "Hibou 🦉", "Monsieur Personne", "La Biscotte", "Nuage", "Renard Lucide", "Ours Brun", "☕☕☕", "Simple Citoyen", "Colibri"}
)

var femaleNames = []string{
	"Sophie", "Marie", "Julie", "Camille", "Léa", "Emma", "Chloé", "Manon", "Sarah", "Laura", "Céline", "Nathalie",
	"Isabelle", "Sandrine", "Aurélie", "Émilie", "Caroline", "Élodie", "Stéphanie", "Valérie", "Claire", "Anne",
	"Hélène", "Audrey", "Mélanie", "Virginie", "Karine", "Delphine", "Pauline", "Inès", "Jade", "Louise", "Alice",
	"Lina", "Zoé", "Nadia", "Fatima", "Yasmine", "Amina", "Sonia", "Fanny", "Lucie", "Charlotte", "Marion", "Agathe",
	"Clémence", "Margaux", "Sabrina", "Myriam", "Samia", "Leïla", "Anaïs", "Océane", "Maëlle", "Nolwenn",
	"Gwenaëlle", "Christelle", "Laetitia", "Coralie", "Estelle", "Marie-Claire", "Anne-Sophie",
}

var maleNames = []string{
	"Julien", "Thomas", "Nicolas", "Sébastien", "Guillaume", "Maxime", "Alexandre", "Antoine", "Pierre", "Romain",
	"Mathieu", "Olivier", "Vincent", "Jérôme", "Stéphane", "Frédéric", "David", "Christophe", "Laurent", "Benoît",
	"François", "Hugo", "Lucas", "Nathan", "Enzo", "Théo", "Louis", "Mathis", "Yanis", "Rayan", "Karim", "Mehdi",
	"Sofiane", "Samir", "Bilel", "Kevin", "Florian", "Adrien", "Baptiste", "Clément", "Arthur", "Jules", "Gabriel",
	"Raphaël", "Noah", "Ethan", "Timothée", "Loïc", "Yann", "Erwan", "Cédric", "Fabrice", "Patrick", "Éric", "Bruno",
	"Damien", "Xavier", "Gaël", "Amine", "Moussa", "Jean-Marc", "Pierre-Yves",
}

var lastNames = []string{
	"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon",
	"Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard",
	"André", "Lefèvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier",
	"Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu",
	"Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson", "Sanchez", "Gérard",
	"Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier", "Roger", "Roche", "Roy", "Noël", "Meyer",
	"Lucas", "Meunier", "Perez", "Marchand", "Dufour", "Blanchard", "Barbier", "Brun", "Dumas", "Brunet",
	"Schmitt", "Leroux", "Colin", "Fernandez", "Benali", "Haddad", "Diallo", "Traoré", "Le Gall", "Kerbrat",
	"Hoarau", "Payet", "Grondin", "Ferrand", "Chauvin", "Besson", "Caron", "Tessier", "Renaud", "Pons",
}
