package telegramtest

// MenuCommand is one command of a menu as the bot registered it
// (setMyCommands).
type MenuCommand struct {
	Command     string `json:"command"`
	Description string `json:"description"`
}

// menuKey is where a menu is registered: a BotCommandScope type, its chat
// (0 for scopes of all chats) and a language code ("" for every other).
type menuKey struct {
	scope string
	chat  int64
	lang  string
}

// keepMenu remembers a menu the bot registered; an empty list removes it,
// as Telegram does.
func (s *Server) keepMenu(k menuKey, cmds []MenuCommand) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.menus == nil {
		s.menus = map[menuKey][]MenuCommand{}
	}
	if len(cmds) == 0 {
		delete(s.menus, k)
		return
	}
	s.menus[k] = cmds
}

// MenuFor returns the command menu that a user whose app speaks lang sees
// in a chat of chatType ("private", "group", "supergroup"), as an
// administrator of it or not: the first list set in Telegram's order (Bot
// API, "Determining list of commands"), each scope with the user's
// language before the scope without one. It is nil when no list applies.
func (s *Server) MenuFor(chatID int64, chatType string, admin bool, lang string) []MenuCommand {
	var order []menuKey
	if chatType == "private" {
		order = []menuKey{{scope: "chat", chat: chatID}, {scope: "all_private_chats"}, {scope: "default"}}
	} else {
		if admin {
			order = append(order, menuKey{scope: "chat_administrators", chat: chatID})
		}
		order = append(order, menuKey{scope: "chat", chat: chatID})
		if admin {
			order = append(order, menuKey{scope: "all_chat_administrators"})
		}
		order = append(order, menuKey{scope: "all_group_chats"}, menuKey{scope: "default"})
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, k := range order {
		if lang != "" {
			withLang := k
			withLang.lang = lang
			if m, ok := s.menus[withLang]; ok {
				return m
			}
		}
		if m, ok := s.menus[k]; ok {
			return m
		}
	}
	return nil
}
