/* AL-in Assistant — the Web Chat page. Plain browser script (no build step); Web Chat comes from
 * /webchat/webchat.js, served by the bot from node_modules. Every sentence comes from /locales/<lang>/web.json,
 * and follows the language toggle (page, status line, Web Chat's own labels); the one exception is below. */
(function () {
  'use strict';

  var SESSION_KEY = 'alin.webchat.session';
  var LANGUAGE_KEY = 'alin.language';
  var REFRESH_MARGIN_MS = 60 * 1000;
  var TOKEN_LIFETIME_MS = 30 * 60 * 1000;
  // A phone: the avatar column would take a sixth of the width (see styleOptions).
  var NARROW = window.matchMedia('(max-width: 480px)');
  // The only sentence the page needs when its translations cannot be fetched (the bot went away).
  var UNREACHABLE = {
    fr: "L'assistant est momentanément indisponible. Réessayez dans quelques minutes.",
    en: 'The assistant is unavailable for the moment. Please try again in a few minutes.',
  };

  var language = localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'fr';
  var strings = {};
  var directLine;
  var store;
  var statusKey = '';
  var statusElement = document.getElementById('status');
  var chatElement = document.getElementById('webchat');

  /** The status line keeps its key, not its text, so that it changes language with the rest of the page. */
  function setStatus(key) {
    statusKey = key;
    statusElement.textContent = strings[key] || (key === 'unavailable' ? UNREACHABLE[language] : '');
  }

  function loadStrings(lang) {
    return fetch('/locales/' + lang + '/web.json').then(function (response) {
      if (!response.ok) throw new Error('translations answered ' + response.status);
      return response.json();
    });
  }

  function applyStrings() {
    document.documentElement.lang = language;
    document.title = strings.pageTitle;
    Array.prototype.forEach.call(document.querySelectorAll('[data-text]'), function (element) {
      element.textContent = strings[element.getAttribute('data-text')];
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-label]'), function (element) {
      element.setAttribute('aria-label', strings[element.getAttribute('data-label')]);
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-language]'), function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-language') === language));
    });
    setStatus(statusKey);
  }

  function savedSession() {
    try {
      var session = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
      return session && session.expiresAt - Date.now() > REFRESH_MARGIN_MS ? session : null;
    } catch (error) {
      return null;
    }
  }

  function saveSession(session) {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  }

  /** A new Direct Line token from the bot's token route; the user id is bound server-side. */
  function newSession() {
    return fetch('/api/webchat/token', { method: 'POST', credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) throw new Error('token route answered ' + response.status);
      return response.json().then(function (body) {
        var session = { token: body.token, conversationId: body.conversationId, domain: body.domain, expiresAt: Date.now() + body.expiresIn * 1000 };
        saveSession(session);
        return session;
      });
    });
  }

  /** Direct Line refreshes its token every 15 minutes; keep the latest so a reload can resume. */
  function keepTokenFresh(session) {
    setInterval(function () {
      if (directLine && directLine.token && directLine.token !== session.token) {
        session.token = directLine.token;
        session.expiresAt = Date.now() + TOKEN_LIFETIME_MS;
        saveSession(session);
      }
    }, 30 * 1000);
  }

  function styleOptions() {
    var narrow = NARROW.matches;
    return {
      accent: '#b0001e',
      // On a phone, no bot avatar: Web Chat then keeps no avatar column, and bubbles take the width.
      botAvatarInitials: narrow ? undefined : 'AL',
      bubbleBorderRadius: 8,
      bubbleFromUserBackground: '#f6e5e8',
      bubbleFromUserBorderRadius: 8,
      bubbleMaxWidth: narrow ? 600 : 480,
      bubbleMinWidth: narrow ? 200 : 250,
      // A pressed card button in the brand colour (white on it: 7:1) rather than Web Chat's blue.
      cardPushButtonBackgroundColor: '#b0001e',
      hideUploadButton: true, // documents go to the national request file, never to the chat
      primaryFont: '"Segoe UI", system-ui, Arial, sans-serif',
      suggestedActionLayout: 'flow',
    };
  }

  function render() {
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        store: store,
        locale: language === 'fr' ? 'fr-FR' : 'en-US',
        overrideLocalizedStrings: {
          TEXT_INPUT_PLACEHOLDER: strings.placeholder,
          // Read before each message by screen readers: name the assistant, not "Bot AL".
          ACTIVITY_BOT_SAID_ALT: strings.botSaid,
          ACTIVITY_BOT_ATTACHED_ALT: strings.botAttached,
        },
        styleOptions: styleOptions(),
      },
      chatElement,
    );
  }

  function createStore() {
    return window.WebChat.createStore({}, function (api) {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
            setStatus('connected');
            // Direct Line sends no conversationUpdate to Web Chat: say hello ourselves (the bot welcomes once).
            api.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: { language: language } } });
          } else if (action.type === 'DIRECT_LINE/CONNECT_REJECTED' || action.type === 'DIRECT_LINE/DISCONNECT_FULFILLED') {
            setStatus('unavailable');
          }
          return next(action);
        };
      };
    });
  }

  function switchLanguage(next) {
    if (next === language) return;
    loadStrings(next)
      .then(function (loaded) {
        language = next;
        localStorage.setItem(LANGUAGE_KEY, language);
        strings = loaded;
        applyStrings();
        if (!store) return; // not connected yet: the join event will carry the language
        render();
        store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/language', value: { language: language } } });
      })
      .catch(function () {
        setStatus('unavailable');
      });
  }

  function start() {
    NARROW.addEventListener('change', function () {
      if (store) render();
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-language]'), function (button) {
      button.addEventListener('click', function () {
        switchLanguage(button.getAttribute('data-language'));
      });
    });
    loadStrings(language)
      .then(function (loaded) {
        strings = loaded;
        applyStrings();
        setStatus('connecting');
        var resumed = savedSession();
        return (resumed ? Promise.resolve(resumed) : newSession()).then(function (session) {
          directLine = window.WebChat.createDirectLine({
            token: session.token,
            domain: session.domain,
            // After a reload, reconnect to the same conversation and replay its history.
            conversationId: resumed ? session.conversationId : undefined,
            watermark: resumed ? '0' : undefined,
            webSocket: true,
          });
          keepTokenFresh(session);
          store = createStore();
          render();
        });
      })
      .catch(function () {
        setStatus('unavailable');
      });
  }

  start();
})();
