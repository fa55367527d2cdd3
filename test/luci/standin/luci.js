// TEST STAND-IN for LuCI's browser runtime — NOT LuCI.
//
// It provides only what the splitwan view uses, with LuCI's contracts:
//  - the loader: fetch the view file, read its leading 'require x' directives, evaluate
//    the body as `function(window, document, L, <classes>)`, instantiate the returned
//    class, then load() → render() → page footer (as luci.js does);
//  - view, form (Map, NamedSection, TypedSection, TableSection, Value, Flag, ListValue,
//    DynamicList), rpc (ubus JSON-RPC over POST /ubus), uci (load/get/set/unset/add/
//    remove/sections/save as ubus `uci` calls), ui (notifications, changes.apply), poll,
//    dom, E, _ and String.prototype.format.
// The markup follows LuCI's where the view or the test relies on it (.cbi-map,
// data-field="cbid.<config>.<section>.<option>", cbi-input-invalid). Everything else is
// simplified: the look is LuCI-like, not LuCI's. The test server answers every call
// from a fake backend that records it.
(function () {
  'use strict';

  /* ---- classes (LuCI's Class.extend contract: __init__, super, instantiate) ---- */
  var Class = function () {};
  Class.extend = function (props) {
    var Parent = this;
    var Ctor = function () {
      if (typeof this.__init__ === 'function') this.__init__.apply(this, arguments);
    };
    Ctor.prototype = Object.create(Parent.prototype);
    Object.keys(props).forEach(function (k) { Ctor.prototype[k] = props[k]; });
    Ctor.prototype.constructor = Ctor;
    Ctor.prototype.__base__ = Parent.prototype;
    Ctor.extend = Class.extend;
    Ctor.isSubclass = function (c) { return c != null && c.prototype instanceof Ctor; };
    Ctor.instantiate = function (args) { return new (Function.prototype.bind.apply(Ctor, [null].concat(args)))(); };
    return Ctor;
  };
  Class.prototype.varargs = function (args, offset) {
    return Array.prototype.slice.call(arguments, 2).concat(Array.prototype.slice.call(args, offset));
  };
  Class.prototype.super = function (key, args) {
    // walk up from the class that defines the calling method (enough for one level)
    return this.__base__[key].apply(this, args || []);
  };

  /* ---- i18n: catalog served by the test from po/<lang>/splitwan.po ---- */
  var catalog = window.__standinCatalog || {};
  window._ = function (s) { return Object.prototype.hasOwnProperty.call(catalog, s) && catalog[s] !== '' ? catalog[s] : s; };
  String.prototype.format = function () {
    var args = arguments, i = 0;
    return this.replace(/%([sd])/g, function () { return String(args[i++]); });
  };

  /* ---- dom ---- */
  var registry = new WeakMap();
  var dom = {
    elem: function (e) { return e != null && typeof e === 'object' && 'nodeType' in e; },
    append: function (node, children) {
      if (children == null) return null;
      if (Array.isArray(children)) {
        children.forEach(function (c) {
          if (dom.elem(c)) node.appendChild(c);
          else if (c != null) node.appendChild(document.createTextNode(String(c)));
        });
        return node.lastChild;
      }
      if (typeof children === 'function') return dom.append(node, children(node));
      if (dom.elem(children)) return node.appendChild(children);
      // as LuCI: a lone string is HTML (inside an array, strings are text nodes)
      node.innerHTML = String(children);
      return node.lastChild;
    },
    content: function (node, children) {
      while (node.firstChild) node.removeChild(node.firstChild);
      return dom.append(node, children);
    },
    create: function (html, attr, data) {
      if (!(attr instanceof Object) || Array.isArray(attr) || dom.elem(attr)) { data = attr; attr = null; }
      var el;
      if (Array.isArray(html)) { el = document.createDocumentFragment(); html.forEach(function (h) { el.appendChild(dom.create(h)); }); }
      else if (dom.elem(html)) el = html;
      else el = document.createElement(html);
      if (attr) Object.keys(attr).forEach(function (k) {
        var v = attr[k];
        if (v == null || v === false) return;
        if (typeof v === 'function') el.addEventListener(k, v);
        else el.setAttribute(k, v === true ? '' : v);
      });
      dom.append(el, data);
      return el;
    },
    bindClassInstance: function (node, inst) { registry.set(node, inst); },
    findClassInstance: function (node) {
      for (; node; node = node.parentNode) if (registry.has(node)) return registry.get(node);
      return null;
    },
    callClassMethod: function (node, method) {
      var inst = dom.findClassInstance(node);
      return inst && typeof inst[method] === 'function' ? inst[method].apply(inst, Array.prototype.slice.call(arguments, 2)) : null;
    }
  };
  window.E = function () { return dom.create.apply(dom, arguments); };

  /* ---- rpc: ubus JSON-RPC, as LuCI's rpc.js sends it and reads the reply ---- */
  var rpcId = 1;
  function post(object, method, args) {
    return fetch('/ubus', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: rpcId++, method: 'call', params: [L.env.sessionid, object, method, args || {}] })
    }).catch(function () { throw new Error('XHR request aborted by browser'); }).then(function (r) {
      if (!r.ok) throw new Error('RPC call to ' + object + '/' + method + ' failed with HTTP error ' + r.status + ': ' + (r.statusText || '?'));
      return r.json();
    }).then(function (msg) {
      // uhttpd-mod-ubus: object missing, access denied, timeout come as JSON-RPC errors
      if (msg.error && msg.error.code && msg.error.message)
        throw new Error('RPC call to ' + object + '/' + method + ' failed with error ' + msg.error.code + ': ' + msg.error.message);
      return msg.result;
    });
  }
  function ubus(object, method, args) { return post(object, method, args); }
  var rpc = {
    declare: function (opt) {
      return function () {
        var args = {}, params = opt.params || [];
        for (var i = 0; i < params.length && i < arguments.length; i++) if (arguments[i] !== undefined) args[params[i]] = arguments[i];
        return post(opt.object, opt.method, args).then(function (result) {
          var ret = null;
          if (Array.isArray(result)) {
            if (opt.reject && result[0] !== 0) throw new Error('RPC call to ' + opt.object + '/' + opt.method + ' failed with ubus code ' + result[0]);
            ret = result.length > 1 ? result[1] : result[0];
          }
          var type = Object.prototype.toString;
          if (opt.expect) for (var key in opt.expect) {
            if (ret != null && key !== '') ret = ret[key];
            if (ret == null || type.call(ret) !== type.call(opt.expect[key])) ret = opt.expect[key];
            break;
          }
          return ret;
        });
      };
    }
  };

  /* ---- uci: staged changes in the page, sent as ubus uci calls on save ---- */
  var uci = {
    state: { values: {}, creates: {}, changes: {}, deletes: {} },
    load: function (configs) {
      configs = Array.isArray(configs) ? configs : [configs];
      return Promise.all(configs.map(function (c) {
        return ubus('uci', 'get', { config: c }).then(function (r) { uci.state.values[c] = (r[1] && r[1].values) || {}; return c; });
      }));
    },
    get: function (config, sid, opt) {
      var s = uci.state, base = (s.values[config] || {})[sid], cr = (s.creates[config] || {})[sid];
      if ((s.deletes[config] || {})[sid] === true) return null;
      var sec = cr || base;
      if (!sec) return null;
      var merged = Object.assign({}, sec, (s.changes[config] || {})[sid] || {});
      var dels = (s.deletes[config] || {})[sid] || {};
      Object.keys(dels).forEach(function (o) { delete merged[o]; });
      return opt == null ? merged : (merged[opt] != null ? merged[opt] : null);
    },
    set: function (config, sid, opt, val) {
      var s = uci.state;
      if (val == null || val === '' || (Array.isArray(val) && !val.length)) return uci.unset(config, sid, opt);
      var cr = (s.creates[config] || {})[sid];
      if (cr) { cr[opt] = val; return; }
      ((s.changes[config] = s.changes[config] || {})[sid] = s.changes[config][sid] || {})[opt] = val;
      var d = (s.deletes[config] || {})[sid];
      if (d && d !== true) delete d[opt];
    },
    unset: function (config, sid, opt) {
      var s = uci.state, cr = (s.creates[config] || {})[sid];
      if (cr) { delete cr[opt]; return; }
      var ch = (s.changes[config] || {})[sid];
      if (ch) delete ch[opt];
      if (((s.values[config] || {})[sid] || {})[opt] != null)
        ((s.deletes[config] = s.deletes[config] || {})[sid] = s.deletes[config][sid] || {})[opt] = true;
    },
    add: function (config, type, name) {
      var s = uci.state, all = uci.sections(config);
      (s.creates[config] = s.creates[config] || {})[name] = { '.name': name, '.type': type, '.anonymous': false, '.index': all.length };
      return name;
    },
    remove: function (config, sid) {
      var s = uci.state;
      if ((s.creates[config] || {})[sid]) { delete s.creates[config][sid]; return; }
      (s.deletes[config] = s.deletes[config] || {})[sid] = true;
    },
    sections: function (config, type) {
      var s = uci.state, ids = Object.keys(s.values[config] || {}).concat(Object.keys(s.creates[config] || {}));
      return ids.map(function (id) { return uci.get(config, id); })
        .filter(function (x) { return x && (type == null || x['.type'] === type); })
        .sort(function (a, b) { return a['.index'] - b['.index']; });
    },
    changes: function () { return Promise.resolve(uci.state); },
    save: function () {
      var s = uci.state, calls = [];
      Object.keys(s.deletes).forEach(function (c) {
        Object.keys(s.deletes[c]).forEach(function (sid) {
          var d = s.deletes[c][sid];
          calls.push(d === true ? ['delete', { config: c, section: sid }] : ['delete', { config: c, section: sid, options: Object.keys(d) }]);
        });
      });
      Object.keys(s.creates).forEach(function (c) {
        Object.keys(s.creates[c]).forEach(function (sid) {
          var sec = s.creates[c][sid], values = {};
          Object.keys(sec).forEach(function (k) { if (k.charAt(0) !== '.') values[k] = sec[k]; });
          calls.push(['add', { config: c, type: sec['.type'], name: sid, values: values }]);
        });
      });
      Object.keys(s.changes).forEach(function (c) {
        Object.keys(s.changes[c]).forEach(function (sid) {
          if (Object.keys(s.changes[c][sid]).length) calls.push(['set', { config: c, section: sid, values: s.changes[c][sid] }]);
        });
      });
      var configs = Object.keys(Object.assign({}, s.values));
      return calls.reduce(function (p, call) { return p.then(function () { return ubus('uci', call[0], call[1]); }); }, Promise.resolve())
        .then(function () {
          var n = calls.length;
          uci.state.creates = {}; uci.state.changes = {}; uci.state.deletes = {};
          ui.changes.setIndicator(ui.changes.count += n);
          return uci.load(configs);
        });
    }
  };

  /* ---- ui ---- */
  var ui = {
    tabs: null,
    addNotification: function (title, children, cls) {
      var n = E('div', { 'class': 'alert-message ' + (cls || '') }, [title ? E('h4', {}, title) : null, children]);
      document.getElementById('notifications').appendChild(n);
      return n;
    },
    showModal: function (title, children) {
      var m = document.getElementById('modal');
      dom.content(m, E('div', { 'class': 'modal' }, [E('h4', {}, title), children]));
      m.style.display = 'block';
    },
    hideModal: function () { document.getElementById('modal').style.display = 'none'; },
    changes: {
      count: 0,
      setIndicator: function (n) {
        var el = document.getElementById('changes-indicator');
        el.textContent = n > 0 ? _('Unsaved Changes') + ': ' + n : '';
      },
      // LuCI: uci apply with rollback, confirm when the page still reaches the router,
      // then 'uci-applied' (LuCI reloads the page a moment later; the stand-in does not)
      apply: function (checked) {
        var ok = function (r) { if (r[0] !== 0) throw new Error('uci apply failed with ubus code ' + r[0]); };
        return ubus('uci', 'apply', { rollback: checked !== false, timeout: 90 }).then(ok)
          .then(function () { return ubus('uci', 'confirm', {}); }).then(ok)
          .then(function () {
            ui.changes.count = 0;
            ui.changes.setIndicator(0);
            ui.addNotification(null, E('p', {}, _('Configuration changes applied.')), 'notice');
            document.dispatchEvent(new CustomEvent('uci-applied'));
          });
      }
    }
  };

  /* ---- ui.tabs: LuCI's tab menu for a .cbi-section-node-tabbed group ---- */
  var activeTabs = {};
  var tabs = {
    initTabGroup: function (group, index) {
      var panes = Array.prototype.slice.call(group.children).filter(function (p) { return p.hasAttribute('data-tab'); });
      if (!panes.length) return;
      var selected = activeTabs[index] || panes[0].getAttribute('data-tab');
      var menu = E('ul', { 'class': 'cbi-tabmenu' });
      var select = function (name) {
        activeTabs[index] = name;
        panes.forEach(function (p) { p.setAttribute('data-tab-active', p.getAttribute('data-tab') === name ? 'true' : 'false'); });
        Array.prototype.forEach.call(menu.children, function (li) { li.className = li.getAttribute('data-tab') === name ? 'cbi-tab' : 'cbi-tab-disabled'; });
      };
      panes.forEach(function (p) {
        var name = p.getAttribute('data-tab');
        var a = E('a', { href: '#' }, [p.getAttribute('data-tab-title')]);
        a.addEventListener('click', function (ev) { ev.preventDefault(); select(name); });
        menu.appendChild(E('li', { 'class': 'cbi-tab-disabled', 'data-tab': name }, a));
      });
      group.parentNode.insertBefore(menu, group);
      select(selected);
    }
  };

  /* ---- poll: LuCI's 1 s tick, each function every <interval> ticks ---- */
  var poll = {
    queue: [], tick: 0, timer: null,
    add: function (fn, interval) {
      poll.queue.push({ fn: fn, i: interval || 5, running: false });
      if (!poll.timer) poll.timer = setInterval(poll.step, 1000);
      return true;
    },
    step: function () {
      poll.tick++;
      poll.queue.forEach(function (e) {
        if (poll.tick % e.i !== 0 || e.running) return;
        e.running = true;
        Promise.resolve(e.fn()).finally(function () { e.running = false; });
      });
    },
    active: function () { return poll.timer != null; }
  };

  /* ---- datatypes: the subset the view uses, messages as LuCI words them ---- */
  function ip4(v) {
    var p = v.split('.');
    return p.length === 4 && p.every(function (x) { return /^(0|[1-9][0-9]{0,2})$/.test(x) && +x <= 255; });
  }
  function ip6(v) {
    var halves = v.split('::');
    if (halves.length > 2) return false;
    var groups = halves.map(function (h) { return h === '' ? [] : h.split(':'); });
    var n = groups.reduce(function (a, g) { return a + g.length; }, 0);
    var ok = groups.every(function (g) { return g.every(function (x) { return /^[0-9a-fA-F]{1,4}$/.test(x); }); });
    return ok && (halves.length === 2 ? n < 8 : n === 8);
  }
  function checkDatatype(dt, v) {
    var m = /^(\w+)(?:\((.*)\))?$/.exec(dt || '');
    if (!m || v === '') return true;
    var args = m[2] ? m[2].split(',').map(function (a) { return a.replace(/^'|'$/g, ''); }) : [];
    switch (m[1]) {
      case 'range': return (/^-?[0-9]+$/.test(v) && +v >= +args[0] && +v <= +args[1]) || _('Must be a number between %d and %d').format(args[0], args[1]);
      case 'uinteger': return /^[0-9]+$/.test(v) || _('Must be a positive integer');
      case 'ip4addr': return ip4(v) || _('Must be a valid IPv4 address');
      case 'ip6addr': return ip6(v) || _('Must be a valid IPv6 address');
      case 'uciname': return /^[a-zA-Z0-9_]+$/.test(v) || _('Must be a valid UCI identifier');
      case 'hostname': return (/^[a-zA-Z0-9_*]([a-zA-Z0-9_.*-]{0,252})$/.test(v) && !/\.\./.test(v)) || _('Must be a valid hostname');
      default: throw new Error('stand-in: datatype ' + m[1] + ' not implemented');
    }
  }

  /* ---- form ---- */
  var AbstractValue = Class.extend({
    __init__: function (map, section, option, title, description) {
      this.map = map; this.section = section; this.option = option;
      this.title = title || ''; this.description = description || '';
      this.rmempty = true; this.default = null; this.deps = []; this.keylist = []; this.vallist = [];
      this.placeholder = null; this.datatype = null; this.password = false;
    },
    value: function (k, l) { this.keylist.push(String(k)); this.vallist.push(l != null ? l : k); },
    depends: function (field, val) { var d = {}; if (typeof field === 'string') d[field] = val; else d = field; this.deps.push(d); },
    cbid: function (sid) { return 'cbid.' + this.map.config + '.' + sid + '.' + this.option; },
    cfgvalue: function (sid) { return uci.get(this.map.config, sid, this.option); },
    widgetNode: function (sid) { return this.map.root.querySelector('[data-field="' + this.cbid(sid) + '"] .standin-widget'); },
    isActive: function (sid) {
      var n = this.map.root && this.map.root.querySelector('[data-field="' + this.cbid(sid) + '"]');
      return !n || !n.classList.contains('hidden');
    },
    checkDepends: function (sid) {
      if (!this.deps.length) return true;
      var sec = this.section;
      return this.deps.some(function (d) {
        return Object.keys(d).every(function (k) {
          var o = sec.children.filter(function (c) { return c.option === k; })[0];
          return o && o.isActive(sid) && o.formvalue(sid) === d[k];
        });
      });
    },
    validateOne: function (sid, v) {
      var r = checkDatatype(this.datatype, v);
      if (r === true && typeof this.validate === 'function') r = this.validate(sid, v);
      return r;
    },
    // marks the widget the way LuCI does (class + tooltip); returns the error or true
    triggerValidation: function (sid) {
      var self = this, res = true;
      var inputs = this.map.root.querySelectorAll('[data-field="' + this.cbid(sid) + '"] input.standin-item, [data-field="' + this.cbid(sid) + '"] input.standin-text');
      inputs.forEach(function (inp) {
        var r = self.isActive(sid) ? self.validateOne(sid, inp.value) : true;
        inp.classList.toggle('cbi-input-invalid', r !== true);
        inp.title = r === true ? '' : r;
        if (r !== true && res === true) res = r;
      });
      return res;
    },
    renderWidget: function (sid) {
      var self = this, val = this.cfgvalue(sid);
      if (val == null) val = this.default != null ? this.default : '';
      var attrs = { 'class': 'cbi-input-text standin-text', id: 'widget.' + this.cbid(sid), type: this.password ? 'password' : 'text', value: val, placeholder: this.placeholder };
      var nodes = [];
      if (this.keylist.length) {
        attrs.list = 'list.' + this.cbid(sid);
        nodes.push(E('datalist', { id: attrs.list }, this.keylist.map(function (k, i) { return E('option', { value: k }, self.vallist[i]); })));
      }
      var inp = E('input', attrs);
      inp.addEventListener('input', function () { self.map.checkDepends(); });
      return E('div', { 'class': 'standin-widget' }, [inp].concat(nodes));
    },
    formvalue: function (sid) {
      var n = this.map.root.querySelector('[data-field="' + this.cbid(sid) + '"] input.standin-text');
      return n ? n.value.trim() : null;
    },
    parse: function (sid) {
      if (!this.isActive(sid)) { if (this.cfgvalue(sid) != null) uci.unset(this.map.config, sid, this.option); return Promise.resolve(); }
      var v = this.formvalue(sid), err = this.triggerValidation(sid);
      if (err !== true) return Promise.reject(new Error(this.title + ': ' + err));
      if (v === '' || v == null) {
        if (this.cfgvalue(sid) != null) uci.unset(this.map.config, sid, this.option);
      } else if (JSON.stringify(v) !== JSON.stringify(this.cfgvalue(sid))) uci.set(this.map.config, sid, this.option, v);
      return Promise.resolve();
    },
    // LuCI's frames: a row div.cbi-value[data-field] (label + div.cbi-value-field), or in a
    // table td.cbi-value-field > div[data-field]
    render: function (sid, inTable) {
      var cbid = this.cbid(sid), id = 'cbi-' + this.map.config + '-' + sid + '-' + this.option;
      if (inTable)
        return E('td', { 'class': 'td cbi-value-field', 'data-title': this.title, 'data-name': this.option },
          E('div', { id: id, 'data-field': cbid }, [this.renderWidget(sid)]));
      return E('div', { 'class': 'cbi-value', id: id, 'data-field': cbid, 'data-name': this.option }, [
        E('label', { 'class': 'cbi-value-title', 'for': 'widget.' + cbid }, this.title),
        E('div', { 'class': 'cbi-value-field' }, [this.renderWidget(sid),
          this.description ? E('div', { 'class': 'cbi-value-description' }, this.description) : null])]);
    }
  });

  var Value = AbstractValue.extend({});
  // LuCI's form.SectionValue: a whole section (its own type) rendered as one option
  var SectionValue = AbstractValue.extend({
    __init__: function (map, section, option, cls) {
      AbstractValue.prototype.__init__.call(this, map, section, option);
      this.subsection = cls.instantiate([map].concat(Array.prototype.slice.call(arguments, 4)));
    },
    parse: function () { return this.subsection.parse(); },
    triggerValidation: function () { return true; },
    formvalue: function () { return null; },
    cfgvalue: function () { return null; },
    render: function (sid) {
      return E('div', { 'class': 'cbi-value', id: 'cbi-' + this.map.config + '-' + sid + '-' + this.option, 'data-field': this.cbid(sid), 'data-name': this.option }, [this.subsection.render()]);
    }
  });
  var Flag = AbstractValue.extend({
    __init__: function () { AbstractValue.prototype.__init__.apply(this, arguments); this.default = '0'; },
    renderWidget: function (sid) {
      var self = this, v = this.cfgvalue(sid);
      if (v == null) v = this.default;
      var cb = E('input', { type: 'checkbox', 'class': 'standin-flag', id: 'widget.' + this.cbid(sid), checked: v === '1' });
      cb.addEventListener('change', function () { self.map.checkDepends(); });
      return E('div', { 'class': 'standin-widget' }, cb);
    },
    formvalue: function (sid) {
      var n = this.map.root.querySelector('[data-field="' + this.cbid(sid) + '"] input.standin-flag');
      return n && n.checked ? '1' : '0';
    },
    parse: function (sid) {
      var v = this.formvalue(sid), cur = this.cfgvalue(sid);
      if (this.rmempty && v === this.default) { if (cur != null) uci.unset(this.map.config, sid, this.option); }
      else if (v !== cur) uci.set(this.map.config, sid, this.option, v);
      return Promise.resolve();
    }
  });
  var ListValue = AbstractValue.extend({
    renderWidget: function (sid) {
      var self = this, v = this.cfgvalue(sid);
      if (v == null) v = this.default != null ? this.default : this.keylist[0];
      var sel = E('select', { 'class': 'cbi-input-select standin-select', id: 'widget.' + this.cbid(sid) },
        this.keylist.map(function (k, i) { return E('option', { value: k, selected: k === v }, self.vallist[i]); }));
      sel.addEventListener('change', function () { self.map.checkDepends(); });
      return E('div', { 'class': 'standin-widget' }, sel);
    },
    formvalue: function (sid) {
      var n = this.map.root.querySelector('[data-field="' + this.cbid(sid) + '"] select');
      return n ? n.value : null;
    },
    parse: function (sid) {
      if (!this.isActive(sid)) { if (this.cfgvalue(sid) != null) uci.unset(this.map.config, sid, this.option); return Promise.resolve(); }
      var v = this.formvalue(sid);
      if (v !== this.cfgvalue(sid)) uci.set(this.map.config, sid, this.option, v);
      return Promise.resolve();
    }
  });
  var DynamicList = AbstractValue.extend({
    renderWidget: function (sid) {
      var self = this, vals = this.cfgvalue(sid) || [];
      if (!Array.isArray(vals)) vals = String(vals).split(/\s+/);
      var box = E('div', { 'class': 'standin-widget cbi-dynlist' });
      var addItem = function (v) {
        var inp = E('input', { 'class': 'cbi-input-text standin-item', type: 'text', value: v, placeholder: self.placeholder });
        inp.addEventListener('input', function () { self.triggerValidation(sid); });
        box.appendChild(E('div', { 'class': 'item' }, inp));
        return inp;
      };
      vals.forEach(addItem);
      addItem(''); // LuCI's DynamicList always offers an empty field for the next item
      var add = E('button', { 'class': 'cbi-button standin-add-item', type: 'button' }, '+');
      add.addEventListener('click', function (ev) { ev.preventDefault(); box.insertBefore(addItem('').parentNode, add); });
      box.appendChild(add);
      return box;
    },
    formvalue: function (sid) {
      var out = [];
      this.map.root.querySelectorAll('[data-field="' + this.cbid(sid) + '"] input.standin-item').forEach(function (i) { if (i.value.trim() !== '') out.push(i.value.trim()); });
      return out;
    },
    parse: function (sid) {
      var v = this.formvalue(sid), err = this.triggerValidation(sid);
      if (err !== true) return Promise.reject(new Error(this.title + ': ' + err));
      var cur = this.cfgvalue(sid);
      cur = cur == null ? [] : (Array.isArray(cur) ? cur : [cur]);
      if (JSON.stringify(v) !== JSON.stringify(cur)) { if (v.length) uci.set(this.map.config, sid, this.option, v); else uci.unset(this.map.config, sid, this.option); }
      return Promise.resolve();
    }
  });

  var AbstractSection = Class.extend({
    __init__: function (map, type, title, description) {
      this.map = map; this.sectiontype = type; this.title = title || ''; this.description = description || '';
      this.children = []; this.addremove = false; this.anonymous = false;
    },
    option: function (cls) {
      var o = cls.instantiate([this.map, this].concat(Array.prototype.slice.call(arguments, 1)));
      this.children.push(o);
      return o;
    },
    // LuCI's tabs: declared per section, options placed with taboption
    tab: function (name, title, description) {
      if (this.tabs && this.tabs[name]) throw 'Tab already declared';
      this.tabs = this.tabs || [];
      var entry = { name: name, title: title, description: description };
      this.tabs.push(entry);
      this.tabs[name] = entry;
    },
    taboption: function (tab) {
      if (!this.tabs || !this.tabs[tab]) throw new Error('Associated tab not declared');
      var o = this.option.apply(this, Array.prototype.slice.call(arguments, 1));
      o.tab = tab;
      return o;
    },
    cfgsections: function () { return uci.sections(this.map.config, this.sectiontype).map(function (s) { return s['.name']; }); },
    parse: function () {
      var self = this, tasks = [];
      this.cfgsections().forEach(function (sid) { self.children.forEach(function (o) { tasks.push(o.parse(sid)); }); });
      return Promise.all(tasks);
    },
    addBox: function () {
      var self = this, name = E('input', { type: 'text', 'class': 'cbi-section-create-name', placeholder: _('Name') });
      var btn = E('button', { 'class': 'cbi-button cbi-button-add', type: 'button' }, _('Add'));
      btn.addEventListener('click', function () {
        if (!/^[A-Za-z0-9_]+$/.test(name.value)) { name.classList.add('cbi-input-invalid'); return; }
        self.map.stage().then(function () { uci.add(self.map.config, self.sectiontype, name.value); return self.map.renderContents(); });
      });
      return E('div', { 'class': 'cbi-section-create' }, [name, ' ', btn]);
    },
    removeButton: function (sid) {
      var self = this, b = E('button', { 'class': 'cbi-button cbi-button-remove', type: 'button', 'data-section': sid }, _('Delete'));
      b.addEventListener('click', function () { self.map.stage().then(function () { uci.remove(self.map.config, sid); return self.map.renderContents(); }); });
      return b;
    },
    head: function () {
      return [this.title ? E('h3', {}, this.title) : null, this.description ? E('div', { 'class': 'cbi-section-descr' }, this.description) : null];
    },
    renderSection: function (sid) {
      var self = this, config = this.map.config;
      if (!this.tabs)
        return E('div', { 'class': 'cbi-section-node', id: 'cbi-' + config + '-' + sid }, this.children.map(function (o) { return o.render(sid, false); }));
      // LuCI: one container per tab (data-tab, data-tab-title); ui.tabs makes the menu
      return E('div', { 'class': 'cbi-section-node cbi-section-node-tabbed', id: 'cbi-' + config + '-' + sid }, this.tabs.map(function (t) {
        return E('div', { id: 'container.' + config + '.' + sid + '.' + t.name, 'data-tab': t.name, 'data-tab-title': t.title },
          [t.description ? E('div', { 'class': 'cbi-tab-descr' }, t.description) : null].concat(
            self.children.filter(function (o) { return o.tab === t.name; }).map(function (o) { return o.render(sid, false); })));
      }));
    }
  });
  var NamedSection = AbstractSection.extend({
    __init__: function (map, sid, type, title, description) {
      AbstractSection.prototype.__init__.call(this, map, type, title, description);
      this.sid = sid;
    },
    cfgsections: function () { return [this.sid]; },
    render: function () { return E('div', { 'class': 'cbi-section' }, this.head().concat([this.renderSection(this.sid)])); }
  });
  var TypedSection = AbstractSection.extend({
    render: function () {
      var self = this, nodes = this.head();
      this.cfgsections().forEach(function (sid) {
        nodes.push(E('div', { 'class': 'cbi-section-item' }, [E('h4', {}, sid), self.addremove ? self.removeButton(sid) : null, self.renderSection(sid)]));
      });
      if (!this.cfgsections().length) nodes.push(E('em', {}, _('This section contains no values yet')));
      if (this.addremove) nodes.push(this.addBox());
      return E('div', { 'class': 'cbi-section', id: 'cbi-' + this.map.config + '-' + this.sectiontype }, nodes);
    }
  });
  var TableSection = TypedSection.extend({
    render: function () {
      var self = this;
      var head = E('tr', { 'class': 'tr cbi-section-table-titles' }, [E('th', { 'class': 'th' }, _('Name'))]
        .concat(this.children.map(function (o) {
          var th = E('th', { 'class': 'th cbi-section-table-cell' }, o.title);
          if (o.width != null) th.style.width = typeof o.width === 'number' ? o.width + 'px' : o.width; // as LuCI's TableSection
          return th;
        })).concat([E('th', { 'class': 'th' })]));
      var rows = this.cfgsections().map(function (sid) {
        return E('tr', { 'class': 'tr cbi-section-table-row', id: 'cbi-' + self.map.config + '-' + sid },
          [E('td', { 'class': 'td' }, E('strong', {}, sid))].concat(self.children.map(function (o) { return o.render(sid, true); }))
            .concat([E('td', { 'class': 'td' }, self.addremove ? self.removeButton(sid) : null)]));
      });
      if (!rows.length) rows.push(E('tr', { 'class': 'tr placeholder' }, E('td', { 'class': 'td', colspan: 9 }, E('em', {}, _('This section contains no values yet')))));
      return E('div', { 'class': 'cbi-section cbi-tblsection', id: 'cbi-' + this.map.config + '-' + this.sectiontype },
        this.head().concat([E('table', { 'class': 'table cbi-section-table' }, [head].concat(rows)), this.addremove ? this.addBox() : null]));
    }
  });

  var FormMap = Class.extend({
    __init__: function (config, title, description) { this.config = config; this.title = title; this.description = description; this.children = []; },
    section: function (cls) {
      var s = cls.instantiate([this].concat(Array.prototype.slice.call(arguments, 1)));
      this.children.push(s);
      return s;
    },
    load: function () { return uci.load(this.config); },
    render: function () { var self = this; return this.load().then(function () { return self.renderContents(); }); },
    renderContents: function () {
      var root = this.root || (this.root = E('div', { 'class': 'cbi-map', id: 'cbi-' + this.config }));
      dom.bindClassInstance(root, this);
      dom.content(root, [this.title ? E('h2', {}, this.title) : null, this.description ? E('div', { 'class': 'cbi-map-descr' }, this.description) : null]
        .concat(this.children.map(function (s) { return s.render(); })));
      this.checkDepends();
      root.querySelectorAll('.cbi-section-node-tabbed').forEach(function (group, i) { tabs.initTabGroup(group, i); });
      return Promise.resolve(root);
    },
    sections: function () {
      var out = [];
      var walk = function (s) {
        out.push(s);
        s.children.forEach(function (o) { if (o.subsection) walk(o.subsection); });
      };
      this.children.forEach(walk);
      return out;
    },
    checkDepends: function () {
      var self = this;
      this.sections().forEach(function (s) {
        s.cfgsections().forEach(function (sid) {
          s.children.forEach(function (o) {
            var n = self.root.querySelector('[data-field="' + o.cbid(sid) + '"]');
            if (!n) return;
            var row = n.closest('.cbi-value') || n;
            var ok = o.checkDepends(sid);
            row.classList.toggle('hidden', !ok);
            n.classList.toggle('hidden', !ok);
            if (ok) o.triggerValidation(sid);
          });
        });
      });
    },
    // form values → staged uci changes (LuCI: Map.parse)
    stage: function () { return Promise.all(this.children.map(function (s) { return s.parse(); })); },
    save: function () {
      var self = this;
      this.checkDepends();
      return this.stage().then(function () { return uci.save(); }).then(function () { return self.renderContents(); }, function (e) {
        ui.addNotification(null, E('p', {}, _('Cannot save due to invalid values') + ' (' + e.message + ')'), 'error');
        return Promise.reject(e);
      });
    },
    reset: function () { return this.renderContents(); }
  });

  var form = { Map: FormMap, NamedSection: NamedSection, TypedSection: TypedSection, TableSection: TableSection,
    Value: Value, Flag: Flag, ListValue: ListValue, DynamicList: DynamicList, SectionValue: SectionValue };

  /* ---- view (LuCI's view class: load → render → footer) ---- */
  var view = Class.extend({
    __init__: function () {
      var self = this, vp = document.getElementById('view');
      dom.content(vp, E('div', { 'class': 'spinning' }, _('Loading view…')));
      return Promise.resolve(this.load()).then(function (d) { return self.render(d); }).then(function (nodes) {
        dom.content(vp, nodes);
        dom.append(vp, self.addFooter());
        document.body.setAttribute('data-view-ready', '1');
      }).catch(function (e) { dom.content(vp, E('pre', { 'class': 'alert-message error' }, String(e && e.stack || e))); throw e; });
    },
    load: function () {},
    render: function () {},
    handleSave: function () {
      var tasks = [];
      document.getElementById('maincontent').querySelectorAll('.cbi-map').forEach(function (m) { tasks.push(dom.callClassMethod(m, 'save')); });
      return Promise.all(tasks);
    },
    handleSaveApply: function (ev, mode) { return this.handleSave(ev).then(function () { ui.changes.apply(mode === '0'); }); },
    handleReset: function () {
      var tasks = [];
      document.getElementById('maincontent').querySelectorAll('.cbi-map').forEach(function (m) { tasks.push(dom.callClassMethod(m, 'reset')); });
      return Promise.all(tasks);
    },
    addFooter: function () {
      var self = this, btn = function (cls, label, fn) {
        var b = E('button', { 'class': 'cbi-button ' + cls, type: 'button' }, label);
        b.addEventListener('click', function (ev) { Promise.resolve(fn(ev)).catch(function () {}); });
        return b;
      };
      return E('div', { 'class': 'cbi-page-actions' }, [
        btn('cbi-button-apply', _('Save & Apply'), function (ev) { return self.handleSaveApply(ev, '0'); }), ' ',
        btn('cbi-button-save', _('Save'), function (ev) { return self.handleSave(ev); }), ' ',
        btn('cbi-button-reset', _('Reset'), function (ev) { return self.handleReset(ev); })
      ]);
    }
  });

  ui.tabs = tabs;
  var classes = { view: view, form: form, rpc: rpc, uci: uci, ui: ui, poll: poll, dom: dom };
  var L = window.L = { env: { sessionid: '00000000000000000000000000000000', lang: document.documentElement.lang },
    dom: dom, ui: ui, Class: Class, bind: function (fn, self) { return fn.bind(self); } };

  /* ---- the loader: LuCI's contract for view files ---- */
  L.require = function (path) {
    return fetch(path).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status + ' loading ' + path);
      return r.text();
    }).then(function (source) {
      var names = [], args = [], m, re = /^\s*(?:\/\/[^\n]*\n\s*)*'([^']*)';?/;
      var rest = source;
      while ((m = re.exec(rest)) !== null) {
        var d = /^require[ \t]+(\S+)(?:[ \t]+as[ \t]+([a-zA-Z_]\S*))?$/.exec(m[1]);
        if (d) {
          if (!classes[d[1]]) throw new Error('stand-in: no class "' + d[1] + '"');
          names.push(d[2] || d[1].replace(/[^a-zA-Z0-9_]/g, '_')); args.push(classes[d[1]]);
        } else if (m[1] !== 'use strict') break;
        rest = rest.slice(m[0].length);
      }
      var factory = eval('(function(window, document, L' + names.map(function (n) { return ', ' + n; }).join('') + ') { ' + source + ' })\n//# sourceURL=' + path);
      var cls = factory.apply(factory, [window, document, L].concat(args));
      if (typeof cls !== 'function' || !(cls.prototype instanceof view)) throw new Error('view file yields no view class');
      return new cls();
    });
  };

  window.__standin = { uci: uci, poll: poll };
  L.require(document.body.getAttribute('data-view')).catch(function (e) {
    document.body.setAttribute('data-view-error', String(e && e.message || e));
  });
})();
