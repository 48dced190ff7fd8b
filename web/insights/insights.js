/* AL-in Assistant — the insights page for helpdesk managers. Plain browser script (no build step);
 * Chart.js comes from /insights/chart.js, served by the bot from node_modules. The page holds no data:
 * it asks for the insights token (kept in this tab's sessionStorage; a `#token=` fragment may bring it,
 * fragments never reach a server) and fetches /insights/api/summary with it as a bearer token. Every
 * sentence comes from /locales/<lang>/insights.json. */
(function () {
  'use strict';

  var TOKEN_KEY = 'alin.insights.token';
  var LANGUAGE_KEY = 'alin.insights.language';
  // The only sentence the page needs when its translations cannot be fetched.
  var UNREACHABLE = {
    fr: 'Les indicateurs ne peuvent pas être lus pour le moment. Réessayez dans quelques minutes.',
    en: 'The insights cannot be read for the moment. Please try again in a few minutes.',
  };
  // Checked for 3:1 contrast on white (WCAG non-text contrast), and told apart without colour by the legend and tables.
  var PALETTE = ['#b0001e', '#005fcc', '#1b7a3a', '#8a4f00', '#6a3fb0', '#4a4a48'];
  var GOOD = '#1b7a3a';
  var BAD = '#b0001e';

  var language = initialLanguage();
  var strings = {};
  var summary = null;
  var charts = [];
  var status = { key: '', values: {} };
  var errorKey = '';

  var loginSection = document.getElementById('login');
  var dashboard = document.getElementById('dashboard');
  var form = document.getElementById('token-form');
  var tokenInput = document.getElementById('token');
  var tokenError = document.getElementById('token-error');
  var statusElement = document.getElementById('status');
  var periodSelect = document.getElementById('period');

  Chart.defaults.animation = false;
  Chart.defaults.font.family = '"Segoe UI", system-ui, -apple-system, Roboto, Arial, sans-serif';
  Chart.defaults.color = '#1d1d1b';
  Chart.defaults.maintainAspectRatio = false;

  /** The toggle's last choice, else the browser's first language that the page speaks, else French. */
  function initialLanguage() {
    var saved = localStorage.getItem(LANGUAGE_KEY);
    if (saved === 'fr' || saved === 'en') return saved;
    var preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'fr'];
    for (var index = 0; index < preferred.length; index++) {
      var code = String(preferred[index]).slice(0, 2).toLowerCase();
      if (code === 'fr' || code === 'en') return code;
    }
    return 'fr';
  }

  function t(key, values) {
    var text = strings[key];
    if (typeof text !== 'string') return key === 'unavailable' ? UNREACHABLE[language] : '';
    return text.replace(/\{\{(\w+)\}\}/g, function (_match, name) {
      return values && values[name] !== undefined ? String(values[name]) : '';
    });
  }

  function named(group, key) {
    return (strings[group] && strings[group][key]) || key;
  }

  function loadStrings(lang) {
    return fetch('/locales/' + lang + '/insights.json').then(function (response) {
      if (!response.ok) throw new Error('translations answered ' + response.status);
      return response.json();
    });
  }

  // --- Formats -------------------------------------------------------------------------------------

  /** "Pas clair 2, autre chose 1": the reasons chosen after a thumbs-down, biggest first. */
  function reasonsText(reasons) {
    return Object.keys(reasons || {})
      .sort(function (a, b) {
        return reasons[b] - reasons[a];
      })
      .map(function (reason) {
        return (t('reason' + reason.charAt(0).toUpperCase() + reason.slice(1)) || reason) + ' ' + formatNumber(reasons[reason]);
      })
      .join(', ');
  }

  function formatNumber(value) {
    return new Intl.NumberFormat(language).format(value);
  }

  function formatPercent(rate) {
    return rate === null || rate === undefined ? t('noValue') : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
  }

  function formatDay(day, long) {
    var options = long ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } : { day: 'numeric', month: 'short', timeZone: 'UTC' };
    return new Intl.DateTimeFormat(language, options).format(new Date(day + 'T00:00:00Z'));
  }

  // --- Status and errors ---------------------------------------------------------------------------

  /** Status and error keep their key, not their text, so that they change language with the page. */
  function setStatus(key, values) {
    status = { key: key, values: values || {} };
    statusElement.textContent = key ? t(key, status.values) : '';
  }

  function setError(key) {
    errorKey = key;
    tokenError.textContent = key ? t(key) : '';
    if (key) tokenInput.setAttribute('aria-invalid', 'true');
    else tokenInput.removeAttribute('aria-invalid');
  }

  function applyStrings() {
    document.documentElement.lang = language;
    document.title = t('pageTitle');
    Array.prototype.forEach.call(document.querySelectorAll('[data-text]'), function (element) {
      element.textContent = t(element.getAttribute('data-text'));
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-label]'), function (element) {
      element.setAttribute('aria-label', t(element.getAttribute('data-label')));
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-days]'), function (option) {
      option.textContent = t('periodDays', { count: option.getAttribute('data-days') });
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-language]'), function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-language') === language));
    });
    setStatus(status.key, status.values);
    setError(errorKey);
    if (summary) render();
  }

  // --- Token and data ------------------------------------------------------------------------------

  function storedToken() {
    try {
      return sessionStorage.getItem(TOKEN_KEY) || '';
    } catch (error) {
      return '';
    }
  }

  /** A `#token=…` fragment, taken once and removed from the address bar (and so from the history). */
  function fragmentToken() {
    var match = /(?:^#|&)token=([^&]*)/.exec(location.hash);
    if (!match) return '';
    history.replaceState(null, '', location.pathname + location.search);
    try {
      return decodeURIComponent(match[1]);
    } catch (error) {
      return '';
    }
  }

  function showLogin(key) {
    summary = null;
    destroyCharts();
    dashboard.hidden = true;
    loginSection.hidden = false;
    setStatus('');
    setError(key || '');
    if (key) tokenInput.focus();
  }

  function showDashboard() {
    setError('');
    loginSection.hidden = true;
    dashboard.hidden = false;
  }

  /** Fetches the summary with the token; the token is kept only once the server took it. */
  function open(token) {
    var onDashboard = !dashboard.hidden;
    setStatus('loading');
    return fetch('/insights/api/summary?days=' + encodeURIComponent(periodSelect.value), {
      headers: { Authorization: 'Bearer ' + token, Accept: 'application/json' },
      cache: 'no-store',
      credentials: 'omit',
    })
      .then(function (response) {
        if (response.status === 401) {
          sessionStorage.removeItem(TOKEN_KEY);
          return showLogin('tokenWrong');
        }
        if (response.status === 404) return showLogin('notConfigured');
        if (!response.ok) throw new Error('summary answered ' + response.status);
        return response.json().then(function (body) {
          sessionStorage.setItem(TOKEN_KEY, token);
          tokenInput.value = '';
          summary = body;
          showDashboard();
          render();
          setStatus('loaded', { from: formatDay(body.from, true), to: formatDay(body.to, true) });
          if (!onDashboard) document.getElementById('headlines-title').focus();
        });
      })
      .catch(function () {
        if (onDashboard) setStatus('unavailable');
        else {
          setStatus('');
          setError('unavailable');
        }
      });
  }

  // --- Rendering -----------------------------------------------------------------------------------

  function destroyCharts() {
    charts.forEach(function (chart) {
      chart.destroy();
    });
    charts = [];
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function headline(list, labelKey, value, detail) {
    var item = element('div', { class: 'headline' });
    item.appendChild(element('dt', {}, t(labelKey)));
    var valueElement = element('dd', {}, value);
    if (detail) valueElement.appendChild(element('span', { class: 'detail' }, detail));
    item.appendChild(valueElement);
    list.appendChild(item);
  }

  function renderHeadlines() {
    var totals = summary.totals;
    var list = document.getElementById('headlines');
    list.textContent = '';
    var judged = totals.useful + totals.notUseful;
    var slowest = summary.portalCalls[0];
    headline(list, 'headlineTurns', formatNumber(totals.turns));
    headline(list, 'headlineNotUnderstood', formatPercent(totals.notUnderstoodRate));
    headline(list, 'headlineHandoffs', formatNumber(totals.handoffs));
    headline(list, 'headlineUrgent', formatNumber(totals.urgentTickets));
    headline(list, 'headlineUseful', judged > 0 ? formatPercent(totals.useful / judged) : t('noValue'), judged > 0 ? ' (' + formatNumber(totals.useful) + ' / ' + formatNumber(judged) + ')' : '');
    headline(list, 'headlineSlowest', slowest ? formatNumber(slowest.maxMs) + ' ms' : t('noValue'), slowest ? ' ' + slowest.api + ' · ' + slowest.operation : '');
  }

  function dataset(label, data, color, extra) {
    var set = { label: label, data: data, backgroundColor: color, borderColor: color, borderWidth: 1 };
    Object.keys(extra || {}).forEach(function (name) {
      set[name] = extra[name];
    });
    return set;
  }

  /** Each chart: its texts, its Chart.js configuration, and the same numbers as a table. */
  function chartDefinitions() {
    var days = summary.perDay.map(function (day) {
      return formatDay(day.day);
    });
    var dayRows = function (cells) {
      return summary.perDay.map(function (day) {
        return [formatDay(day.day)].concat(cells(day));
      });
    };
    var horizontal = { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } };
    var counts = { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } };
    var callName = function (call) {
      return call.api + ' · ' + call.operation;
    };
    return {
      turns: {
        title: 'turnsTitle',
        description: 'turnsDescription',
        empty: summary.totals.turns === 0,
        config: {
          type: 'bar',
          data: {
            labels: days,
            datasets: summary.channels.map(function (channel, index) {
              return dataset(
                named('channels', channel),
                summary.perDay.map(function (day) {
                  return day.byChannel[channel] || 0;
                }),
                PALETTE[index % PALETTE.length],
              );
            }),
          },
          options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
        },
        columns: [t('columnDay')]
          .concat(
            summary.channels.map(function (channel) {
              return named('channels', channel);
            }),
          )
          .concat([t('columnTotal')]),
        rows: dayRows(function (day) {
          return summary.channels
            .map(function (channel) {
              return formatNumber(day.byChannel[channel] || 0);
            })
            .concat([formatNumber(day.turns)]);
        }),
      },
      intents: {
        title: 'intentsTitle',
        description: 'intentsDescription',
        empty: summary.topIntents.length === 0,
        config: {
          type: 'bar',
          data: {
            labels: summary.topIntents.map(function (entry) {
              return named('intents', entry.intent);
            }),
            datasets: [
              dataset(
                t('columnCount'),
                summary.topIntents.map(function (entry) {
                  return entry.count;
                }),
                PALETTE[1],
              ),
            ],
          },
          options: Object.assign({ plugins: { legend: { display: false } } }, horizontal),
        },
        columns: [t('columnIntent'), t('columnCount')],
        rows: summary.topIntents.map(function (entry) {
          return [named('intents', entry.intent), formatNumber(entry.count)];
        }),
      },
      notUnderstood: {
        title: 'notUnderstoodTitle',
        description: 'notUnderstoodDescription',
        empty: summary.totals.turns === 0,
        config: {
          type: 'line',
          data: {
            labels: days,
            datasets: [
              dataset(
                t('notUnderstoodRate'),
                summary.perDay.map(function (day) {
                  return day.notUnderstoodRate === null ? null : Math.round(day.notUnderstoodRate * 1000) / 10;
                }),
                PALETTE[0],
                { spanGaps: true, pointRadius: 3, tension: 0.2 },
              ),
            ],
          },
          options: {
            plugins: { legend: { display: false } },
            scales: {
              y: {
                beginAtZero: true,
                suggestedMax: 20,
                max: 100,
                ticks: {
                  callback: function (value) {
                    return value + ' %';
                  },
                },
              },
            },
          },
        },
        columns: [t('columnDay'), t('columnTurns'), t('columnNotUnderstood'), t('columnRate')],
        rows: dayRows(function (day) {
          return [formatNumber(day.turns), formatNumber(day.notUnderstood), formatPercent(day.notUnderstoodRate)];
        }),
      },
      tickets: {
        title: 'ticketsTitle',
        description: 'ticketsDescription',
        empty: summary.totals.handoffs + summary.totals.urgentTickets === 0,
        config: {
          type: 'bar',
          data: {
            labels: days,
            datasets: [
              dataset(
                t('handoffs'),
                summary.perDay.map(function (day) {
                  return day.handoffs;
                }),
                PALETTE[1],
              ),
              dataset(
                t('urgentTickets'),
                summary.perDay.map(function (day) {
                  return day.urgentTickets;
                }),
                PALETTE[0],
              ),
            ],
          },
          options: counts,
        },
        columns: [t('columnDay'), t('handoffs'), t('urgentTickets')],
        rows: dayRows(function (day) {
          return [formatNumber(day.handoffs), formatNumber(day.urgentTickets)];
        }),
      },
      feedback: {
        title: 'feedbackTitle',
        description: 'feedbackDescription',
        empty: summary.feedback.length === 0,
        config: {
          type: 'bar',
          data: {
            labels: summary.feedback.map(function (entry) {
              return entry.answer;
            }),
            datasets: [
              dataset(
                t('useful'),
                summary.feedback.map(function (entry) {
                  return entry.useful;
                }),
                GOOD,
              ),
              dataset(
                t('notUseful'),
                summary.feedback.map(function (entry) {
                  return entry.notUseful;
                }),
                BAD,
              ),
            ],
          },
          options: { indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } } },
        },
        columns: [t('columnAnswer'), t('useful'), t('notUseful'), t('columnReasons')],
        rows: summary.feedback.map(function (entry) {
          return [entry.answer, formatNumber(entry.useful), formatNumber(entry.notUseful), reasonsText(entry.reasons)];
        }),
      },
      portal: {
        title: 'portalTitle',
        description: 'portalDescription',
        empty: summary.portalCalls.length === 0,
        config: {
          type: 'bar',
          data: {
            labels: summary.portalCalls.map(callName),
            datasets: [
              dataset(
                t('avgMs'),
                summary.portalCalls.map(function (call) {
                  return call.avgMs;
                }),
                PALETTE[1],
              ),
              dataset(
                t('p95Ms'),
                summary.portalCalls.map(function (call) {
                  return call.p95Ms;
                }),
                PALETTE[3],
              ),
              dataset(
                t('maxMs'),
                summary.portalCalls.map(function (call) {
                  return call.maxMs;
                }),
                PALETTE[0],
              ),
            ],
          },
          options: horizontal,
        },
        columns: [t('columnOperation'), t('columnCalls'), t('columnFailed'), t('avgMs'), t('p95Ms'), t('maxMs')],
        rows: summary.portalCalls.map(function (call) {
          return [callName(call), formatNumber(call.count), formatNumber(call.failed), formatNumber(call.avgMs), formatNumber(call.p95Ms), formatNumber(call.maxMs)];
        }),
      },
    };
  }

  function dataTable(definition) {
    var table = element('table');
    table.appendChild(element('caption', { class: 'visually-hidden' }, t(definition.title)));
    var head = element('thead');
    var headRow = element('tr');
    definition.columns.forEach(function (column) {
      headRow.appendChild(element('th', { scope: 'col' }, column));
    });
    head.appendChild(headRow);
    table.appendChild(head);
    var body = element('tbody');
    if (definition.rows.length === 0) {
      var emptyRow = element('tr');
      emptyRow.appendChild(element('td', { colspan: String(definition.columns.length) }, t('empty')));
      body.appendChild(emptyRow);
    }
    definition.rows.forEach(function (row) {
      var tableRow = element('tr');
      row.forEach(function (cell, index) {
        tableRow.appendChild(element(index === 0 ? 'th' : 'td', index === 0 ? { scope: 'row' } : {}, cell));
      });
      body.appendChild(tableRow);
    });
    table.appendChild(body);
    return table;
  }

  /** Each chart section: heading, the chart (an image with a name and a caption), then its data in a table. */
  function renderChart(section, definition) {
    var id = section.id;
    var wasOpen = section.querySelector('details') && section.querySelector('details').open;
    section.textContent = '';
    section.appendChild(element('h2', { id: id + '-title' }, t(definition.title)));
    var figure = element('figure');
    var box = element('div', { class: 'chart-box' });
    var canvas = element('canvas', {
      id: id + '-chart',
      role: 'img',
      'aria-label': t(definition.title) + '. ' + t('chartHint', { description: t(definition.description) }),
      'aria-describedby': id + '-caption',
    });
    box.appendChild(canvas);
    figure.appendChild(box);
    figure.appendChild(element('figcaption', { id: id + '-caption' }, t(definition.description) + (definition.empty ? ' ' + t('empty') : '')));
    section.appendChild(figure);
    var details = element('details');
    if (wasOpen) details.open = true;
    details.appendChild(element('summary', {}, t('showData')));
    var wrapper = element('div', { class: 'table-wrap' });
    wrapper.appendChild(dataTable(definition));
    details.appendChild(wrapper);
    section.appendChild(details);
    charts.push(new Chart(canvas, definition.config));
  }

  function render() {
    destroyCharts();
    renderHeadlines();
    var definitions = chartDefinitions();
    Array.prototype.forEach.call(document.querySelectorAll('[data-chart]'), function (section) {
      renderChart(section, definitions[section.getAttribute('data-chart')]);
    });
  }

  // --- Controls ------------------------------------------------------------------------------------

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var token = tokenInput.value.trim();
    if (!token) {
      setError('tokenMissing');
      tokenInput.focus();
      return;
    }
    open(token);
  });

  periodSelect.addEventListener('change', function () {
    var token = storedToken();
    if (token) open(token);
  });

  document.getElementById('refresh').addEventListener('click', function () {
    var token = storedToken();
    if (token) open(token);
  });

  document.getElementById('sign-out').addEventListener('click', function () {
    sessionStorage.removeItem(TOKEN_KEY);
    showLogin('');
    tokenInput.focus();
  });

  Array.prototype.forEach.call(document.querySelectorAll('[data-language]'), function (button) {
    button.addEventListener('click', function () {
      var chosen = button.getAttribute('data-language');
      if (chosen === language) return;
      loadStrings(chosen)
        .then(function (loaded) {
          language = chosen;
          strings = loaded;
          localStorage.setItem(LANGUAGE_KEY, language);
          applyStrings();
        })
        .catch(function () {
          setStatus('unavailable');
        });
    });
  });

  loadStrings(language)
    .then(function (loaded) {
      strings = loaded;
      applyStrings();
    })
    .catch(function () {
      setError('unavailable');
    })
    .then(function () {
      var token = fragmentToken() || storedToken();
      if (token) open(token);
    });
})();
