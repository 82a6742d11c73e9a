package locale

import "strings"

// commandWords are the words the bot's speakers may type as a command's
// name in their own language ("/hilfe", "/ayuda", "/помощь"), lower-case,
// per English command: a German user sent "/sprache" and "/hilfe" and read
// only that they were unknown. Telegram's commands are English; these name
// the one meant, they do not run it.
var commandWords = map[string][]string{
	"help":        {"hilfe", "ayuda", "помощь", "справка", "команды", "befehle", "comandos"},
	"subscribe":   {"abonnieren", "suscribir", "suscribirse", "suscribirme", "подписаться", "подписка"},
	"unsubscribe": {"abbestellen", "desuscribir", "desuscribirse", "отписаться", "отписка"},
	"list":        {"liste", "lista", "abos", "suscripciones", "список", "подписки"},
	"search":      {"suche", "suchen", "buscar", "búsqueda", "busqueda", "поиск", "найти", "искать"},
	"language":    {"sprache", "idioma", "язык"},
	"settings":    {"einstellungen", "ajustes", "configuración", "configuracion", "настройки"},
	"timezone":    {"zeitzone", "zona", "часовой_пояс", "пояс"},
	"digest":      {"übersicht", "uebersicht", "resumen", "сводка", "дайджест"},
	"latest":      {"neueste", "últimas", "ultimas", "novedades", "свежее", "последние", "новости"},
	"trending":    {"trends", "tendencias", "тренды", "популярное"},
	"sources":     {"quellen", "fuentes", "источники"},
	"quiet":       {"ruhezeiten", "ruhe", "silencio", "тишина", "тихо"},
	"pause":       {"pausieren", "pausa", "пауза"},
	"resume":      {"fortsetzen", "reanudar", "продолжить", "возобновить"},
	"mute":        {"stumm", "silenciar", "заглушить"},
	"preview":     {"vorschau", "vista_previa", "превью", "предпросмотр"},
	"stop":        {"стоп"},
}

// CommandNamed returns the English command a word names in one of the
// bot's languages ("hilfe" → "help"; any case), and whether it names one.
func CommandNamed(word string) (string, bool) {
	word = strings.ToLower(strings.TrimSpace(word))
	for cmd, words := range commandWords {
		for _, w := range words {
			if w == word {
				return cmd, true
			}
		}
	}
	return "", false
}
