package demo

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/filestore"
	"pforte/internal/tenant"
)

// demoFile is one file of the demo's download area; versions are its contents, oldest
// first. forCompany is a customer number: the file is then for that company only.
type demoFile struct {
	folder, title, description, name string
	versions                         [][]byte
	forCompany                       string
	age                              time.Duration // how long ago the newest version was uploaded
}

var demoFolders = []struct {
	name, parent string
	position     int
}{
	{"Handbücher & Anleitungen", "", 1}, {"Drucker", "Handbücher & Anleitungen", 0},
	{"Preislisten", "", 2}, {"Software & Treiber", "", 3}, {"Verträge", "", 4},
}

func demoFiles() []demoFile {
	return []demoFile{
		{"", "Servicebedingungen 2026", "Unsere allgemeinen Service- und Wartungsbedingungen.", "Servicebedingungen-2026.pdf",
			[][]byte{simplePDF([]string{"Servicebedingungen 2026", "Demo Service GmbH – Allgemeine Service- und Wartungsbedingungen",
				"1. Reaktionszeiten: werktags innerhalb von 4 Stunden.", "2. Fernwartung nach Freigabe durch den Kunden.",
				"3. Verbrauchsmaterial wird nach Preisliste berechnet."})}, "", 20 * 24 * time.Hour},
		{"Preislisten", "Preisliste Verbrauchsmaterial", "Toner, Trommeln und Papier; Preise netto.", "preisliste-verbrauchsmaterial.csv",
			[][]byte{
				[]byte("Artikel;Bezeichnung;Preis EUR\nT-100;Toner schwarz;54,90\nT-101;Toner farbig;69,90\nP-500;Papier A4 (500 Blatt);5,49\n"),
				[]byte("Artikel;Bezeichnung;Preis EUR\nT-100;Toner schwarz;52,90\nT-101;Toner farbig;67,90\nD-200;Trommeleinheit;119,00\nP-500;Papier A4 (500 Blatt);5,29\n"),
			}, "", 3 * 24 * time.Hour},
		{"Drucker", "Kurzanleitung Multifunktionsdrucker", "Toner wechseln, Papierstau beheben, Scan an E-Mail.", "kurzanleitung-mfp.txt",
			[][]byte{[]byte("Kurzanleitung Multifunktionsdrucker\n\n1. Toner wechseln: Frontklappe öffnen, Kartusche herausziehen, neue einsetzen.\n2. Papierstau: Fach 1 herausziehen, Blatt vorsichtig entfernen.\n3. Scan an E-Mail: Scannen > E-Mail > Adresse wählen > Start.\n")},
			"", 40 * 24 * time.Hour},
		{"Software & Treiber", "Fernwartung – Installationshinweise", "So richten Sie den Fernwartungs-Client ein.", "fernwartung-installation.txt",
			[][]byte{[]byte("Fernwartung einrichten\n\n1. Client von der Download-Seite laden.\n2. Installieren und die Sitzungsnummer an unseren Support nennen.\n3. Zugriff nur nach Ihrer Bestätigung.\n")},
			"", 10 * 24 * time.Hour},
		{"Verträge", "Wartungsvertrag Müller Haustechnik", "Ihr Wartungsvertrag mit Leistungsumfang.", "Wartungsvertrag-K-10001.pdf",
			[][]byte{simplePDF([]string{"Wartungsvertrag", "zwischen Demo Service GmbH und Müller Haustechnik GmbH (K-10001)",
				"Leistungsumfang: 12 Drucker, 2 Server, Fernwartung.", "Laufzeit: 01.01.2026 – 31.12.2027."})}, "K-10001", 24 * time.Hour},
	}
}

// LoadDownloads fills the download area of the demo tenant: folders (one nested), a PDF,
// a CSV price list with an older version, texts, and a contract only Müller Haustechnik
// sees. The contents go to files; a tenant that has download folders already is left
// alone, so a restart does not add them twice.
func LoadDownloads(ctx context.Context, d *db.DB, files *filestore.Store, now time.Time) error {
	t, err := tenant.Default(ctx, d)
	if err != nil {
		return err
	}
	existing, err := download.Folders(ctx, d, t.ID)
	if err != nil || len(existing) > 0 {
		return err
	}
	var keys []string
	err = d.InTx(ctx, func(tx *db.Tx) error {
		folders := map[string]int64{}
		for _, f := range demoFolders {
			fo, err := download.CreateFolder(ctx, tx, download.Folder{TenantID: t.ID, ParentID: folders[f.parent], Name: f.name,
				Position: f.position}, now)
			if err != nil {
				return fmt.Errorf("demo: folder %s: %w", f.name, err)
			}
			folders[f.name] = fo.ID
			if _, err := download.SaveFolderNames(ctx, tx, t.ID, fo.ID, demoFolderNames[f.name]); err != nil {
				return fmt.Errorf("demo: folder %s: %w", f.name, err)
			}
		}
		for _, df := range demoFiles() {
			in := download.File{TenantID: t.ID, FolderID: folders[df.folder], Title: df.title, Description: df.description,
				Visibility: download.VisibleAll}
			var only []int64
			if df.forCompany != "" {
				var co int64
				if err := tx.QueryRow(ctx, `SELECT id FROM companies WHERE tenant_id = ? AND customer_number = ?`,
					t.ID, df.forCompany).Scan(&co); err != nil {
					return fmt.Errorf("demo: company %s: %w", df.forCompany, err)
				}
				in.Visibility, only = download.VisibleCompanies, []int64{co}
			}
			var f download.File
			for i, content := range df.versions {
				st, err := files.Put(bytes.NewReader(content), 0)
				if err != nil {
					return err
				}
				keys = append(keys, st.Key)
				at := now.Add(-df.age - time.Duration(len(df.versions)-1-i)*30*24*time.Hour)
				v := download.Version{Key: st.Key, Name: df.name, Size: st.Size, Type: st.Type, SHA256: st.SHA256, UploadedBy: "Alex Admin"}
				if i == 0 {
					f, err = download.Create(ctx, tx, in, only, v, at)
				} else {
					_, err = download.AddVersion(ctx, tx, t.ID, f.ID, v, at)
				}
				if err != nil {
					return fmt.Errorf("demo: file %s: %w", df.title, err)
				}
			}
		}
		return nil
	})
	if err != nil {
		for _, k := range keys {
			files.Delete(k)
		}
	}
	return err
}
