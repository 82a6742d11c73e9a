package locale

// alertTexts: the frames of alerts, bursts and their buttons.
var alertTexts = []entry{
	{"(untitled)", "(без заголовка)", "(ohne Titel)", "(sin título)"},
	{"(continued)", "(продолжение)", "(Fortsetzung)", "(continuación)"},
	{"Also: %s", "Также: %s", "Auch: %s", "También: %s"},
	{"(also: %s)", "(также: %s)", "(auch: %s)", "(también: %s)"},
	{"%s via %s", "%s через %s", "%s über %s", "%s vía %s"},
	{"🔕 Mute", "🔕 Без звука", "🔕 Stumm", "🔕 Silenciar"},
	{"🔕 Mute “%s”", "🔕 Без звука «%s»", "🔕 Stumm „%s“", "🔕 Silenciar «%s»"},
	{"🔔 Unmute", "🔔 Со звуком", "🔔 Ton an", "🔔 Activar sonido"},
	{"🔔 Unmute “%s”", "🔔 Со звуком «%s»", "🔔 Ton an „%s“", "🔔 Activar sonido «%s»"},
	{"⚠️ General is closed or hidden, so the alerts of its %s wait: they come when it is reopened, and one waiting more than a day is dropped. Reopen General, or send <code>/subscribe</code> in a topic to have a query's alerts there.",
		"⚠️ General закрыт или скрыт, поэтому оповещения его подписок (%s) ждут: они придут, когда его снова откроют, а ждущие дольше суток пропадут. Откройте General или отправьте <code>/subscribe</code> в теме, чтобы оповещения по запросу приходили туда.",
		"⚠️ General ist geschlossen oder ausgeblendet, daher warten die Meldungen seiner Abos (%s): sie kommen, sobald er wieder offen ist, und was länger als einen Tag wartet, verfällt. Öffnen Sie General wieder oder senden Sie <code>/subscribe</code> in einem Thema, damit die Meldungen einer Suche dort ankommen.",
		"⚠️ General está cerrado u oculto, así que las alertas de sus suscripciones (%s) esperan: llegarán cuando se vuelva a abrir, y las que esperen más de un día se descartan. Vuelve a abrir General o envía <code>/subscribe</code> en un tema para recibir allí las alertas de una consulta."},
	{"ℹ️ <i>General already had %s: the topic's same subscriptions are one with General's until the topic is reopened.</i>\n\n",
		"ℹ️ <i>В General уже была подписка %s: такая же подписка темы объединена с ней, пока тему снова не откроют.</i>\n\n",
		"ℹ️ <i>General hatte schon %s: die gleichen Abos des Themas sind mit denen von General zusammengeführt, bis das Thema wieder geöffnet wird.</i>\n\n",
		"ℹ️ <i>General ya tenía %s: las mismas suscripciones del tema son una con las de General hasta que se vuelva a abrir el tema.</i>\n\n"},
	{"ℹ️ <i>General already had %s: the deleted topic's same subscriptions are one with General's from now on.</i>\n\n",
		"ℹ️ <i>В General уже была подписка %s: такая же подписка удалённой темы теперь объединена с ней.</i>\n\n",
		"ℹ️ <i>General hatte schon %s: die gleichen Abos des gelöschten Themas sind von nun an mit denen von General zusammengeführt.</i>\n\n",
		"ℹ️ <i>General ya tenía %s: las mismas suscripciones del tema borrado son una con las de General a partir de ahora.</i>\n\n"},
	{"ℹ️ <i>A topic that subscriptions alert in is gone or closed: their alerts come here until it is reopened.</i>\n\n",
		"ℹ️ <i>Тема, куда приходили оповещения подписок, удалена или закрыта: пока её снова не откроют, они будут приходить сюда.</i>\n\n",
		"ℹ️ <i>Ein Thema, in das Abos ihre Meldungen schicken, ist gelöscht oder geschlossen: ihre Meldungen kommen hierher, bis es wieder geöffnet wird.</i>\n\n",
		"ℹ️ <i>Un tema al que llegaban las alertas de unas suscripciones se ha borrado o cerrado: sus alertas llegarán aquí hasta que se vuelva a abrir.</i>\n\n"},
	{"ℹ️ <i>A topic that subscriptions alert in was deleted: their alerts come here from now on.</i>\n\n",
		"ℹ️ <i>Тема, куда приходили оповещения подписок, удалена: теперь они будут приходить сюда.</i>\n\n",
		"ℹ️ <i>Ein Thema, in das Abos ihre Meldungen schicken, wurde gelöscht: ihre Meldungen kommen von nun an hierher.</i>\n\n",
		"ℹ️ <i>Un tema al que llegaban las alertas de unas suscripciones se ha borrado: sus alertas llegarán aquí a partir de ahora.</i>\n\n"},
	{"ℹ️ <i>The topic this was meant for was deleted, so it comes here; alerts meant for that topic come here from now on.</i>\n\n",
		"ℹ️ <i>Тема, для которой это предназначалось, удалена, поэтому сообщение пришло сюда; оповещения для той темы теперь будут приходить сюда.</i>\n\n",
		"ℹ️ <i>Das Thema, für das dies gedacht war, wurde gelöscht, deshalb kommt es hierher; Meldungen für dieses Thema kommen von nun an hierher.</i>\n\n",
		"ℹ️ <i>El tema al que iba dirigido se ha borrado, así que llega aquí; las alertas de ese tema llegarán aquí a partir de ahora.</i>\n\n"},
	{"ℹ️ <i>The topic this was meant for is gone or closed, so it comes here; alerts meant for that topic come here too until it is reopened.</i>\n\n",
		"ℹ️ <i>Тема, для которой это предназначалось, удалена или закрыта, поэтому сообщение пришло сюда; оповещения для той темы тоже будут приходить сюда, пока её снова не откроют.</i>\n\n",
		"ℹ️ <i>Das Thema, für das dies gedacht war, ist gelöscht oder geschlossen, deshalb kommt es hierher; Meldungen für dieses Thema kommen auch hierher, bis es wieder geöffnet wird.</i>\n\n",
		"ℹ️ <i>El tema al que iba dirigido se ha borrado o cerrado, así que llega aquí; las alertas de ese tema también llegarán aquí hasta que se vuelva a abrir.</i>\n\n"},
	{"ℹ️ This topic is open again: its alerts come here again (%s, in General while it was closed).",
		"ℹ️ Тема снова открыта: её оповещения снова приходят сюда (%s; пока она была закрыта, они шли в General).",
		"ℹ️ Dieses Thema ist wieder offen: seine Meldungen kommen wieder hierher (%s, während es geschlossen war, in General).",
		"ℹ️ Este tema vuelve a estar abierto: sus alertas vuelven a llegar aquí (%s, en General mientras estuvo cerrado)."},
	{"\nThis topic's own again: %s (General keeps its own too).",
		"\nСнова подписки этой темы: %s (в General остаются и его собственные).",
		"\nWieder Abos dieses Themas: %s (General behält auch seine eigenen).",
		"\nDe nuevo suscripciones de este tema: %s (General conserva también las suyas)."},
}

// digestTexts: the digest's headings and lines.
var digestTexts = []entry{
	{"Daily digest", "Ежедневная сводка", "Tägliche Übersicht", "Resumen diario"},
	{"Digest", "Сводка", "Übersicht", "Resumen"},
	{"Nothing matched your subscriptions since the last digest.", "С прошлой сводки по вашим подпискам ничего не нашлось.", "Seit der letzten Übersicht hat nichts zu Ihren Abos gepasst.", "Nada ha coincidido con tus suscripciones desde el último resumen."},
	{"Top %d of %d stories", "Главное: %d из %d", "Die wichtigsten %d von %d Themen", "Las %d principales de %d noticias"},
	{" +%d more", " +%d ещё", " +%d weitere", " +%d más"},
	{"… and %d more of %s: %s", "… и ещё %d по %s: %s", "… und %d weitere zu %s: %s", "… y %d más de %s: %s"},
}

// dateTexts: Go layouts of dates, as each language orders them; Date puts
// the language's names of weekdays and months in.
var dateTexts = []entry{
	{"Monday 2 January", "Monday, 2 January", "Monday, 2. January", "Monday 2 de January"},
	{"Mon 2 Jan at 15:04", "Mon, 2 Jan в 15:04", "Mon, 2. Jan um 15:04", "Mon 2 de Jan a las 15:04"},
	{"2 Jan 15:04 MST", "2 Jan 15:04 MST", "2. Jan 15:04 MST", "2 Jan 15:04 MST"},
	{"2 Jan 2006", "2 Jan 2006", "2. Jan 2006", "2 Jan 2006"},
}
