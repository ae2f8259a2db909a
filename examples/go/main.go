// The go example: answers every request on $PORT.
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
)

func main() {
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "Hello from the go example")
	})
	log.Printf("go example listening on %s", port)
	log.Fatal(http.ListenAndServe(":"+port, nil))
}
