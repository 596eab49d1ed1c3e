package mailin

import "testing"

func TestTrim(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain", "Just text.\nTwo lines.", "Just text.\nTwo lines."},
		{"quoted lines", "Yes, please.\n\n> Shall we come?\n> Tuesday?", "Yes, please."},
		{"interleaved answers", "> Printer model?\nHP 4000\n> Location?\nBerlin", "HP 4000\nBerlin"},
		{"gmail wrote", "Thanks!\n\nOn Mon, Jun 2, 2025 at 10:00 AM Support <support@portal.test> wrote:\n> old\n> text", "Thanks!"},
		{"wrapped wrote", "Thanks!\n\nOn Mon, Jun 2, 2025 at 10:00 AM Support <\nsupport@portal.test> wrote:\n\n> old", "Thanks!"},
		{"german schrieb", "Danke!\n\nAm 02.06.2025 um 10:00 schrieb Support <support@portal.test>:\n> alt", "Danke!"},
		{"german hat geschrieben", "Danke!\n\nAm 02.06.2025 10:00, Support hat geschrieben:\nalter Text ohne Zitatzeichen", "Danke!"},
		{"french", "Merci !\n\nLe lun. 2 juin 2025 à 10:00, Support <support@portal.test> a écrit :\n> ancien", "Merci !"},
		{"outlook original message", "Ok.\n\n-----Original Message-----\nFrom: Support\nSent: Monday\n\nold", "Ok."},
		{"outlook ursprüngliche", "Ok.\n\n-----Ursprüngliche Nachricht-----\nVon: Support\nGesendet: Montag\n\nalt", "Ok."},
		{"outlook header block", "Ok.\n\n________________________________\nFrom: Support <support@portal.test>\nSent: Monday, June 2, 2025 10:00\nTo: me\nSubject: Ticket\n\nold text", "Ok."},
		{"outlook german header block", "Ok.\n\nVon: Support <support@portal.test>\nGesendet: Montag, 2. Juni 2025 10:00\nAn: mich\n\nalter Text", "Ok."},
		{"outlook spanish header block", "Gracias.\n\nDe: Support <support@portal.test>\nEnviado el: lunes, 2 de junio de 2025 10:00\nPara: yo\nAsunto: Ticket\n\nviejo", "Gracias."},
		{"outlook brazilian header block", "Obrigado.\n\nDe: Support <support@portal.test>\nEnviada em: segunda-feira, 2 de junho de 2025 10:00\nPara: eu\n\nvelho", "Obrigado."},
		{"new outlook spanish", "Gracias.\n\nDe: Support <support@portal.test>\nFecha: lunes, 2 de junio de 2025, 10:00\n\nviejo", "Gracias."},
		{"new outlook portuguese", "Obrigado.\n\nDe: Support <support@portal.test>\nData: segunda-feira, 2 de junho de 2025 10:00\n\nvelho", "Obrigado."},
		{"new outlook danish", "Tak.\n\nFra: Support <support@portal.test>\nDato: mandag, 2. juni 2025 kl. 10.00\n\ngammel", "Tak."},
		{"thunderbird french", "Ok.\n\n-------- Message original --------\nSujet : Ticket\n\nancien", "Ok."},
		{"typographic apostrophe", "Ok.\n\n-------- Message d’origine --------\nDe : Support\n\nancien", "Ok."},
		{"signature", "See you.\n-- \nErika Mustermann\nExample GmbH", "See you."},
		{"signature without space", "See you.\n--\nErika", "See you."},
		{"reply marker", "My answer\n\n" + ReplyMarker + "\nYour ticket #42 was updated.", "My answer"},
		{"quoted reply marker", "My answer\n\n> " + ReplyMarker + "\n> Your ticket", "My answer"},
		{"translated marker", "Antwort\n##- Bitte antworten Sie oberhalb dieser Zeile -##\nalt", "Antwort"},
		{"hebrew marker", "תשובה\n\n> ##- נא לכתוב את תשובתכם מעל שורה זו -##\n> ישן", "תשובה"},
		{"thai marker", "คำตอบ\n##- โปรดพิมพ์คำตอบของคุณเหนือบรรทัดนี้ -##\nเก่า", "คำตอบ"},
		{"bottom posting", "On Mon, Jun 2, 2025 at 10:00 AM Support wrote:\n> question?\n\nMy answer below.", "My answer below."},
		{"sentence with On and wrote is kept", "On Monday my colleague wrote:\nthe printer is broken", "On Monday my colleague wrote:\nthe printer is broken"},
		{"only a quote keeps everything", "> all quoted", "> all quoted"},
		{"from line in text is kept", "From: the warehouse we got\nthe wrong parts", "From: the warehouse we got\nthe wrong parts"},
		{"blank lines collapse", "a\n\n\n\nb\n\n", "a\n\nb"},
		{"hebrew gmail", "תודה!\n\n\u202bבתאריך יום ג׳, 24 בנוב׳ 2026 ב-22:22 מאת \u202aSupport\u202c\u200f <\u202a\nsupport@portal.test\u202c\u200f>:\u202c\n\n> ישן", "תודה!"},
		{"hebrew thunderbird", "תודה!\n\nב-24.11.2026 22:22, Support כתב:\n> ישן", "תודה!"},
		{"hebrew apple", "תודה!\n\nב-24 בנוב׳ 2026, בשעה 22:22, \u200fSupport\u200f <support@portal.test> כתב/ה:\n> ישן", "תודה!"},
		{"hebrew outlook header block", "תודה.\n\n________________________________\nמאת: Support <support@portal.test>\nנשלח: יום שלישי 24 נובמבר 2026 22:22\nאל: אנה\n\nישן", "תודה."},
		{"thai gmail", "ขอบคุณครับ\n\nเมื่อ อ. 24 พ.ย. 2026 เวลา 22:22 Support <support@portal.test>\nเขียนว่า:\n\n> เก่า", "ขอบคุณครับ"},
		{"thai outlook header block", "ขอบคุณ\n\nจาก: Support <support@portal.test>\nส่ง: 24 พฤศจิกายน 2026 22:22\n\nเก่า", "ขอบคุณ"},
		{"sent from my iphone", "Works now.\n\nSent from my iPhone\n\n> On Mon, Jun 2, 2025, at 10:00, Support wrote:", "Works now."},
		{"german iphone", "Passt.\n\nVon meinem iPhone gesendet", "Passt."},
		{"hebrew iphone", "תודה\n\nנשלח מה-iPhone שלי", "תודה"},
		{"outlook mobile", "Ok.\n\nGet Outlook for Android", "Ok."},
		{"von meinem in a sentence is kept", "Gruß\nVon meinem Kollegen", "Gruß\nVon meinem Kollegen"},
		{"iphone line alone is kept", "Sent from my iPhone", "Sent from my iPhone"},
		{"reply starting like an attribution", "Am Montag passt es.\n\nAm 02.06.2025 um 10:00 schrieb Support <s@p.test>:\n> alt", "Am Montag passt es."},
		{"reply starting with On", "On Monday at 10 we can come.\nOn Mon, Jun 2, 2025 at 10:00 AM Support <s@p.test> wrote:\n> old", "On Monday at 10 we can come."},
		{"reply starting with Le", "Le 3 juin, ça marche.\n\nLe lun. 2 juin 2025 à 10:00, Support <\nsupport@portal.test> a écrit :\n> ancien", "Le 3 juin, ça marche."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Trim(c.in); got != c.want {
				t.Errorf("Trim(%q)\n got %q\nwant %q", c.in, got, c.want)
			}
		})
	}
}
