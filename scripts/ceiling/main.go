// Command ceiling is the bare net/http server the ticket benchmark compares the portal
// with: it answers every request with one fixed page (by default the ticket list page
// the benchmark fetched), so the difference to the portal is everything Pforte does
// per request: session, database, rendering.
//
//	go run ./scripts/ceiling -addr 127.0.0.1:18190 -page list.html
package main

import (
	"bytes"
	"flag"
	"log"
	"net/http"
	"os"
	"strconv"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:18190", "listen address")
	page := flag.String("page", "", "file whose content every response carries")
	size := flag.Int("size", 0, "without -page: a page of this many bytes")
	flag.Parse()
	body := bytes.Repeat([]byte("x"), *size)
	if *page != "" {
		b, err := os.ReadFile(*page)
		if err != nil {
			log.Fatal(err)
		}
		body = b
	}
	length := strconv.Itoa(len(body))
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Length", length)
		w.Write(body)
	})
	log.Fatal(http.ListenAndServe(*addr, nil))
}
