package kb

import "pforte/internal/words"

// stopWordLists are, per language, the words a ticket title is made of that say nothing
// about its subject: articles, pronouns, negations and "does not work". Suggest drops
// them, so "Drucker druckt nicht" looks for "drucker" and "druckt" only. Short on
// purpose; all languages apply at once, because a contact may write in any of them.
var stopWordLists = map[string]string{
	"en": `a an the and or but not no nor is are was were be been am do does did doesn don didn isn aren
		wasn won can cannot couldn could will would should my our your his her its their me we you he she it they
		this that these those to of in on at for from with by as if so up out there here any some how what why
		when where which who please help issue problem work works working anymore again`,
	"de": `der die das den dem des ein eine einen einem einer eines und oder aber nicht kein keine keinen
		ist sind war waren wird werden wurde bin bist sein hat habe haben hatte kann können konnte geht gehen ging
		funktioniert funktionieren läuft ich mich mir wir uns unser unsere mein meine meinen du sie er es ihr man sich
		zu im in am an auf aus bei mit von vom zum zur für über unter nach seit wie was wo warum wer wann
		mehr noch schon nur auch so da hier bitte hilfe problem fehler`,
	"fr": `le la les un une des du de et ou mais ne pas plus rien est sont était être ai as a avons ont peux
		peut pouvons je me moi nous vous il elle on ils elles mon ma mes notre votre son sa ses ce cette ces
		à au aux en dans sur pour par avec sans que qui quoi comment pourquoi fonctionne marche aide problème`,
	"da": `en et den det de og eller men ikke ingen er var være har havde kan kunne jeg mig vi os min mit
		mine vores du han hun man sig til af på i med for fra om hvordan hvorfor hvad virker fungerer hjælp problem`,
	"nl": `de het een en of maar niet geen is zijn was waren wordt heb heeft hebben kan kunnen ik mij me
		wij we ons mijn onze jij je u hij zij ze men zich te van in op aan bij met voor uit over hoe wat waarom
		werkt doet meer hulp probleem`,
	"he": `לא אין את של על עם זה זו זאת לי אני אנחנו הוא היא הם אתה את יכול יכולה אפשר עובד עובדת מה למה איך גם רק עוד`,
	"pt": `o a os as um uma uns umas e ou mas não nem é são era foi ser está estão tem têm posso pode podem
		eu me meu minha nós nosso nossa você ele ela se de do da dos das em no na nos nas para por com sem que
		como porque funciona ajuda problema`,
	"es": `el la los las un una unos unas y o pero no ni es son era fue ser está están tiene puedo puede
		pueden yo me mi mis nosotros nuestro nuestra usted él ella se de del al en con sin para por que como
		porque funciona ayuda problema`,
	"th": `ไม่ ได้ ที่ และ หรือ ของ มี เป็น คือ ฉัน ผม เรา คุณ เขา จะ ใน กับ ให้ ช่วย`,
}

// stopWords is every list of stopWordLists in one set, split by words.Split as a title is, so
// a listed word always meets itself.
var stopWords = func() map[string]bool {
	set := map[string]bool{}
	for _, list := range stopWordLists {
		for _, w := range words.Split(list) {
			set[w] = true
		}
	}
	return set
}()
