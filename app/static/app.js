// mapeq web page, built from web/ (sources sha256 424b57fbc72212aadc62355626aa7491d2d5544d69a78dfa3ed445495b1316e7)
var K=class extends Error{constructor(n,e,r,i){super(r),this.status=n,this.code=e,this.field=i??null}},On="mapeq-api-key";function Rn(){try{return localStorage.getItem(On)||""}catch{return""}}function Se(t){try{t?localStorage.setItem(On,t):localStorage.removeItem(On)}catch{}}function $e(){let t=Rn();return t?{"X-API-Key":t}:{}}async function Te(t,n,e){let r=e instanceof FormData;try{return await fetch(n,{method:t,headers:e===void 0||r?$e():{...$e(),"Content-Type":"application/json"},body:e===void 0||r?e:JSON.stringify(e)})}catch(i){throw new K(0,"network_error",`the server did not answer (${i.message})`,null)}}async function Pn(t,n=void 0){let e=await Te(n===void 0?"GET":"POST",t,n);if(!e.ok){let o=(await e.json().catch(()=>null))?.error;throw new K(e.status,o?.code??"http_error",o?.message??`${e.status}`,o?.field??null)}let r=e.headers.get("Content-Disposition")??"",i=/filename="([^"]*)"/.exec(r)?.[1]??"";return{blob:await e.blob(),name:i}}async function Dn(t,n,e){let r=await Te(t,n,e),i=await r.text(),o=null;try{o=i?JSON.parse(i):null}catch{o=null}if(!r.ok){let a=o?.error;throw new K(r.status,a?.code??"http_error",a?.message??`${r.status} ${i.slice(0,200)}`,a?.field??null)}return o}var en=(t,n)=>Dn("POST",t,n),Ln=t=>Dn("GET",t);async function Ce(){try{let t=await Ln("/openapi.json"),n=t?.paths??{},e=(n["/v1/infomap/file"]?.post?.parameters??[]).find(i=>i.name==="format"),r=(e?.schema?.anyOf??[e?.schema??{}]).flatMap(i=>i.enum??[]);return{jobs:!!(n["/v1/jobs/infomap/file"]?.post&&n["/v1/jobs/{job_id}"]?.get),jobResult:!!n["/v1/jobs/{job_id}/result"]?.get,vectorJobs:!!(n["/v1/jobs"]?.post&&n["/v1/jobs/{job_id}"]?.get),vectors:!!n["/v1/cluster/vectors"]?.post,formats:r,version:t?.info?.version??""}}catch{return{jobs:!1,jobResult:!1,vectorJobs:!1,vectors:!1,formats:[],version:""}}}var oi=t=>new Promise(n=>setTimeout(n,t));async function Bn(t,n,e,{interval:r=250,signal:i}={}){let o=await en(t,n);for(e(o);!["succeeded","failed","cancelled"].includes(o.status);){if(i?.aborted)throw await Dn("DELETE",`/v1/jobs/${o.id}`).catch(()=>{}),new K(0,"cancelled","cancelled",null);await oi(r),o=await Ln(`/v1/jobs/${o.id}`),e(o)}if(o.status!=="succeeded")throw new K(422,`job_${o.status}`,`job ${o.status}${o.error?`: ${o.error}`:""}`,null);return{job:o,result:await Ln(`/v1/jobs/${o.id}/result`)}}var Fn=[{key:"karate",title:"Zachary's karate club (34 nodes)",file:"karate.net",format:"pajek",text:`# Zachary's karate club (34 nodes, 78 edges), 1-based ids
*Vertices 34
1 "1"
2 "2"
3 "3"
4 "4"
5 "5"
6 "6"
7 "7"
8 "8"
9 "9"
10 "10"
11 "11"
12 "12"
13 "13"
14 "14"
15 "15"
16 "16"
17 "17"
18 "18"
19 "19"
20 "20"
21 "21"
22 "22"
23 "23"
24 "24"
25 "25"
26 "26"
27 "27"
28 "28"
29 "29"
30 "30"
31 "31"
32 "32"
33 "33"
34 "34"
*Edges 78
1 2
1 3
1 4
1 5
1 6
1 7
1 8
1 9
1 11
1 12
1 13
1 14
1 18
1 20
1 22
1 32
2 3
2 4
2 8
2 14
2 18
2 20
2 22
2 31
3 4
3 8
3 9
3 10
3 14
3 28
3 29
3 33
4 8
4 13
4 14
5 7
5 11
6 7
6 11
6 17
7 17
9 31
9 33
9 34
10 34
14 34
15 33
15 34
16 33
16 34
19 33
19 34
20 34
21 33
21 34
23 33
23 34
24 26
24 28
24 30
24 33
24 34
25 26
25 28
25 32
26 32
27 30
27 34
28 34
29 32
29 34
30 33
30 34
31 33
31 34
32 33
32 34
33 34
`},{key:"lesmis",title:"Les Mis\xE9rables co-appearances (77 nodes, weighted)",file:"lesmis.net",format:"pajek",text:`# Les Miserables co-appearances (networkx), weighted
*Vertices 77
1 "Anzelma"
2 "Babet"
3 "Bahorel"
4 "Bamatabois"
5 "BaronessT"
6 "Blacheville"
7 "Bossuet"
8 "Boulatruelle"
9 "Brevet"
10 "Brujon"
11 "Champmathieu"
12 "Champtercier"
13 "Chenildieu"
14 "Child1"
15 "Child2"
16 "Claquesous"
17 "Cochepaille"
18 "Combeferre"
19 "Cosette"
20 "Count"
21 "CountessDeLo"
22 "Courfeyrac"
23 "Cravatte"
24 "Dahlia"
25 "Enjolras"
26 "Eponine"
27 "Fameuil"
28 "Fantine"
29 "Fauchelevent"
30 "Favourite"
31 "Feuilly"
32 "Gavroche"
33 "Geborand"
34 "Gervais"
35 "Gillenormand"
36 "Grantaire"
37 "Gribier"
38 "Gueulemer"
39 "Isabeau"
40 "Javert"
41 "Joly"
42 "Jondrette"
43 "Judge"
44 "Labarre"
45 "Listolier"
46 "LtGillenormand"
47 "Mabeuf"
48 "Magnon"
49 "Marguerite"
50 "Marius"
51 "MlleBaptistine"
52 "MlleGillenormand"
53 "MlleVaubois"
54 "MmeBurgon"
55 "MmeDeR"
56 "MmeHucheloup"
57 "MmeMagloire"
58 "MmePontmercy"
59 "MmeThenardier"
60 "Montparnasse"
61 "MotherInnocent"
62 "MotherPlutarch"
63 "Myriel"
64 "Napoleon"
65 "OldMan"
66 "Perpetue"
67 "Pontmercy"
68 "Prouvaire"
69 "Scaufflaire"
70 "Simplice"
71 "Thenardier"
72 "Tholomyes"
73 "Toussaint"
74 "Valjean"
75 "Woman1"
76 "Woman2"
77 "Zephine"
*Edges 254
64 63 1
63 51 8
63 57 10
63 21 1
63 33 1
63 12 1
63 23 1
63 20 2
63 65 1
63 74 5
51 57 6
51 74 3
57 74 3
74 44 1
74 49 1
74 55 1
74 39 1
74 34 1
74 28 9
74 59 7
74 71 12
74 19 31
74 40 17
74 29 8
74 4 2
74 70 3
74 69 1
74 75 2
74 43 3
74 11 3
74 9 2
74 13 2
74 17 2
74 76 3
74 61 1
74 32 1
74 35 2
74 52 2
74 50 19
74 25 4
74 7 1
74 38 1
74 2 1
74 16 1
74 60 1
74 73 1
49 28 2
45 72 4
45 27 4
45 6 4
45 30 3
45 24 3
45 77 3
45 28 3
72 27 4
72 6 4
72 30 3
72 24 3
72 77 3
72 28 3
72 19 1
72 50 1
27 6 4
27 30 3
27 24 3
27 77 3
27 28 3
6 30 4
6 24 3
6 77 3
6 28 3
30 24 5
30 77 4
30 28 4
24 77 4
24 28 4
77 28 4
28 59 2
28 71 1
28 40 5
28 4 1
28 66 1
28 70 2
59 71 13
59 19 4
59 40 1
59 26 2
59 1 1
59 48 1
59 38 1
59 2 1
59 16 1
71 19 1
71 40 5
71 67 1
71 8 1
71 26 3
71 1 2
71 32 1
71 50 2
71 38 5
71 2 6
71 16 4
71 60 1
71 10 3
19 40 1
19 76 1
19 35 3
19 52 2
19 46 1
19 50 21
19 73 2
40 29 1
40 4 1
40 70 1
40 75 1
40 76 1
40 32 1
40 25 6
40 38 1
40 2 2
40 16 1
40 60 1
40 73 1
29 61 3
29 37 2
4 43 2
4 11 2
4 9 1
4 13 1
4 17 1
66 70 2
43 11 3
43 9 2
43 13 2
43 17 2
11 9 2
11 13 2
11 17 2
9 13 2
9 17 2
13 17 2
67 58 1
67 50 1
26 1 2
26 50 5
26 47 1
26 22 1
26 38 1
26 2 1
26 16 1
26 60 1
26 10 1
54 42 1
54 32 2
32 50 4
32 47 1
32 25 7
32 18 6
32 68 1
32 31 2
32 22 7
32 3 5
32 7 5
32 41 3
32 36 1
32 38 1
32 2 1
32 60 1
32 14 2
32 15 2
32 10 1
32 56 1
35 48 1
35 52 9
35 46 1
35 50 12
35 5 1
52 58 1
52 53 1
52 46 2
52 50 6
46 50 1
50 5 1
50 47 1
50 25 7
50 18 5
50 31 1
50 22 9
50 3 1
50 7 5
50 41 2
47 25 1
47 18 2
47 31 1
47 22 2
47 3 2
47 7 1
47 41 1
47 62 3
25 18 15
25 68 4
25 31 6
25 22 17
25 3 4
25 7 10
25 41 5
25 36 3
25 16 1
25 56 1
18 68 2
18 31 5
18 22 13
18 3 5
18 7 9
18 41 5
18 36 1
68 31 2
68 22 3
68 3 2
68 7 2
68 41 2
68 36 1
31 22 6
31 3 3
31 7 6
31 41 5
31 36 1
22 3 6
22 7 12
22 41 5
22 36 2
22 56 1
3 7 4
3 41 5
3 36 1
3 56 1
7 41 7
7 36 3
7 56 1
41 36 2
41 56 1
36 56 1
38 2 6
38 16 4
38 60 2
38 10 3
2 16 4
2 60 2
2 10 3
16 60 2
16 10 1
60 10 1
14 15 3
`},{key:"twotriangles",title:"Two triangles (6 nodes)",file:"twotriangles.net",format:"pajek",text:`# +---+                      +---+
# |   |                      |   |
# | A +------+        +------+ E |
# |   |      |        |      |   |
# +-+-+    +-+-+    +-+-+    +-+-+
#   |      |   |    |   |      |
#   |      | C +----+ D |      |
#   |      |   |    |   |      |
# +-+-+    +-+-+    +-+-+    +-+-+
# |   |      |        |      |   |
# | B +------+        +------+ F |
# |   |                      |   |
# +---+                      +---+
#
*Vertices
1 "A"
2 "B"
3 "C"
4 "D"
5 "E"
6 "F"
*Edges
1 2
1 3
2 3
3 4
4 5
4 6
5 6
`}],ze=[{key:"animals-vehicles",title:"Six toy embeddings: animals and vehicles",format:"csv",text:`label,x,y,z
cat,1,0,0
kitten,0.9,0.1,0
lion,0.95,0.05,0
car,0,1,0
truck,0.1,0.9,0
bus,0,0.95,0.05
`}];function ai(t){let n=+this._x.call(null,t),e=+this._y.call(null,t);return Oe(this.cover(n,e),n,e,t)}function Oe(t,n,e,r){if(isNaN(n)||isNaN(e))return t;var i,o=t._root,a={data:r},s=t._x0,l=t._y0,c=t._x1,u=t._y1,f,p,h,x,g,w,v,k;if(!o)return t._root=a,t;for(;o.length;)if((g=n>=(f=(s+c)/2))?s=f:c=f,(w=e>=(p=(l+u)/2))?l=p:u=p,i=o,!(o=o[v=w<<1|g]))return i[v]=a,t;if(h=+t._x.call(null,o.data),x=+t._y.call(null,o.data),n===h&&e===x)return a.next=o,i?i[v]=a:t._root=a,t;do i=i?i[v]=new Array(4):t._root=new Array(4),(g=n>=(f=(s+c)/2))?s=f:c=f,(w=e>=(p=(l+u)/2))?l=p:u=p;while((v=w<<1|g)===(k=(x>=p)<<1|h>=f));return i[k]=o,i[v]=a,t}function si(t){Array.isArray(t)||(t=Array.from(t));let n=t.length,e=new Float64Array(n),r=new Float64Array(n),i=1/0,o=i,a=-i,s=a;for(let l=0,c,u,f;l<n;++l){if(isNaN(u=+this._x.call(null,c=t[l]))||isNaN(f=+this._y.call(null,c))){e[l]=NaN;continue}e[l]=u,r[l]=f,u<i&&(i=u),u>a&&(a=u),f<o&&(o=f),f>s&&(s=f)}if(i>a||o>s)return this;this.cover(i,o).cover(a,s);for(let l=0;l<n;++l)Oe(this,e[l],r[l],t[l]);return this}function ui(t,n){if(isNaN(t=+t)||isNaN(n=+n))return this;var e=this._x0,r=this._y0,i=this._x1,o=this._y1;if(isNaN(e))i=(e=Math.floor(t))+1,o=(r=Math.floor(n))+1;else{for(var a=i-e||1,s=this._root,l,c;e>t||t>=i||r>n||n>=o;)switch(c=(n<r)<<1|t<e,l=new Array(4),l[c]=s,s=l,a*=2,c){case 0:i=e+a,o=r+a;break;case 1:e=i-a,o=r+a;break;case 2:i=e+a,r=o-a;break;case 3:e=i-a,r=o-a;break}this._root&&this._root.length&&(this._root=s)}return this._x0=e,this._y0=r,this._x1=i,this._y1=o,this}function li(){var t=[];return this.visit(function(n){if(!n.length)do t.push(n.data);while(n=n.next)}),t}function ci(t){return arguments.length?this.cover(+t[0][0],+t[0][1]).cover(+t[1][0],+t[1][1]):isNaN(this._x0)?void 0:[[this._x0,this._y0],[this._x1,this._y1]]}function V(t,n,e,r,i){this.node=t,this.x0=n,this.y0=e,this.x1=r,this.y1=i}function fi(t,n,e){var r,i=this._x0,o=this._y0,a,s,l,c,u=this._x1,f=this._y1,p=[],h=this._root,x,g;for(h&&p.push(new V(h,i,o,u,f)),e==null?e=1/0:(i=t-e,o=n-e,u=t+e,f=n+e,e*=e);x=p.pop();)if(!(!(h=x.node)||(a=x.x0)>u||(s=x.y0)>f||(l=x.x1)<i||(c=x.y1)<o))if(h.length){var w=(a+l)/2,v=(s+c)/2;p.push(new V(h[3],w,v,l,c),new V(h[2],a,v,w,c),new V(h[1],w,s,l,v),new V(h[0],a,s,w,v)),(g=(n>=v)<<1|t>=w)&&(x=p[p.length-1],p[p.length-1]=p[p.length-1-g],p[p.length-1-g]=x)}else{var k=t-+this._x.call(null,h.data),T=n-+this._y.call(null,h.data),A=k*k+T*T;if(A<e){var z=Math.sqrt(e=A);i=t-z,o=n-z,u=t+z,f=n+z,r=h.data}}return r}function hi(t){if(isNaN(u=+this._x.call(null,t))||isNaN(f=+this._y.call(null,t)))return this;var n,e=this._root,r,i,o,a=this._x0,s=this._y0,l=this._x1,c=this._y1,u,f,p,h,x,g,w,v;if(!e)return this;if(e.length)for(;;){if((x=u>=(p=(a+l)/2))?a=p:l=p,(g=f>=(h=(s+c)/2))?s=h:c=h,n=e,!(e=e[w=g<<1|x]))return this;if(!e.length)break;(n[w+1&3]||n[w+2&3]||n[w+3&3])&&(r=n,v=w)}for(;e.data!==t;)if(i=e,!(e=e.next))return this;return(o=e.next)&&delete e.next,i?(o?i.next=o:delete i.next,this):n?(o?n[w]=o:delete n[w],(e=n[0]||n[1]||n[2]||n[3])&&e===(n[3]||n[2]||n[1]||n[0])&&!e.length&&(r?r[v]=e:this._root=e),this):(this._root=o,this)}function di(t){for(var n=0,e=t.length;n<e;++n)this.remove(t[n]);return this}function pi(){return this._root}function gi(){var t=0;return this.visit(function(n){if(!n.length)do++t;while(n=n.next)}),t}function mi(t){var n=[],e,r=this._root,i,o,a,s,l;for(r&&n.push(new V(r,this._x0,this._y0,this._x1,this._y1));e=n.pop();)if(!t(r=e.node,o=e.x0,a=e.y0,s=e.x1,l=e.y1)&&r.length){var c=(o+s)/2,u=(a+l)/2;(i=r[3])&&n.push(new V(i,c,u,s,l)),(i=r[2])&&n.push(new V(i,o,u,c,l)),(i=r[1])&&n.push(new V(i,c,a,s,u)),(i=r[0])&&n.push(new V(i,o,a,c,u))}return this}function yi(t){var n=[],e=[],r;for(this._root&&n.push(new V(this._root,this._x0,this._y0,this._x1,this._y1));r=n.pop();){var i=r.node;if(i.length){var o,a=r.x0,s=r.y0,l=r.x1,c=r.y1,u=(a+l)/2,f=(s+c)/2;(o=i[0])&&n.push(new V(o,a,s,u,f)),(o=i[1])&&n.push(new V(o,u,s,l,f)),(o=i[2])&&n.push(new V(o,a,f,u,c)),(o=i[3])&&n.push(new V(o,u,f,l,c))}e.push(r)}for(;r=e.pop();)t(r.node,r.x0,r.y0,r.x1,r.y1);return this}function vi(t){return t[0]}function wi(t){return arguments.length?(this._x=t,this):this._x}function xi(t){return t[1]}function _i(t){return arguments.length?(this._y=t,this):this._y}function rn(t,n,e){var r=new qn(n??vi,e??xi,NaN,NaN,NaN,NaN);return t==null?r:r.addAll(t)}function qn(t,n,e,r,i,o){this._x=t,this._y=n,this._x0=e,this._y0=r,this._x1=i,this._y1=o,this._root=void 0}function Ie(t){for(var n={data:t.data},e=n;t=t.next;)e=e.next={data:t.data};return n}var H=rn.prototype=qn.prototype;H.copy=function(){var t=new qn(this._x,this._y,this._x0,this._y0,this._x1,this._y1),n=this._root,e,r;if(!n)return t;if(!n.length)return t._root=Ie(n),t;for(e=[{source:n,target:t._root=new Array(4)}];n=e.pop();)for(var i=0;i<4;++i)(r=n.source[i])&&(r.length?e.push({source:r,target:n.target[i]=new Array(4)}):n.target[i]=Ie(r));return t};H.add=ai;H.addAll=si;H.cover=ui;H.data=li;H.extent=ci;H.find=fi;H.remove=hi;H.removeAll=di;H.root=pi;H.size=gi;H.visit=mi;H.visitAfter=yi;H.x=wi;H.y=_i;var bi={value:()=>{}};function yt(){for(var t=0,n=arguments.length,e={},r;t<n;++t){if(!(r=arguments[t]+"")||r in e||/[\s.]/.test(r))throw new Error("illegal type: "+r);e[r]=[]}return new on(e)}function on(t){this._=t}function Mi(t,n){return t.trim().split(/^|\s+/).map(function(e){var r="",i=e.indexOf(".");if(i>=0&&(r=e.slice(i+1),e=e.slice(0,i)),e&&!n.hasOwnProperty(e))throw new Error("unknown type: "+e);return{type:e,name:r}})}on.prototype=yt.prototype={constructor:on,on:function(t,n){var e=this._,r=Mi(t+"",e),i,o=-1,a=r.length;if(arguments.length<2){for(;++o<a;)if((i=(t=r[o]).type)&&(i=ki(e[i],t.name)))return i;return}if(n!=null&&typeof n!="function")throw new Error("invalid callback: "+n);for(;++o<a;)if(i=(t=r[o]).type)e[i]=Le(e[i],t.name,n);else if(n==null)for(i in e)e[i]=Le(e[i],t.name,null);return this},copy:function(){var t={},n=this._;for(var e in n)t[e]=n[e].slice();return new on(t)},call:function(t,n){if((i=arguments.length-2)>0)for(var e=new Array(i),r=0,i,o;r<i;++r)e[r]=arguments[r+2];if(!this._.hasOwnProperty(t))throw new Error("unknown type: "+t);for(o=this._[t],r=0,i=o.length;r<i;++r)o[r].value.apply(n,e)},apply:function(t,n,e){if(!this._.hasOwnProperty(t))throw new Error("unknown type: "+t);for(var r=this._[t],i=0,o=r.length;i<o;++i)r[i].value.apply(n,e)}};function ki(t,n){for(var e=0,r=t.length,i;e<r;++e)if((i=t[e]).name===n)return i.value}function Le(t,n,e){for(var r=0,i=t.length;r<i;++r)if(t[r].name===n){t[r]=bi,t=t.slice(0,r).concat(t.slice(r+1));break}return e!=null&&t.push({name:n,value:e}),t}var St=0,Bt=0,Dt=0,Pe=1e3,an,Ft,sn=0,vt=0,ln=0,qt=typeof performance=="object"&&performance.now?performance:Date,De=typeof window=="object"&&window.requestAnimationFrame?window.requestAnimationFrame.bind(window):function(t){setTimeout(t,17)};function cn(){return vt||(De(Ni),vt=qt.now()+ln)}function Ni(){vt=0}function un(){this._call=this._time=this._next=null}un.prototype=Xt.prototype={constructor:un,restart:function(t,n,e){if(typeof t!="function")throw new TypeError("callback is not a function");e=(e==null?cn():+e)+(n==null?0:+n),!this._next&&Ft!==this&&(Ft?Ft._next=this:an=this,Ft=this),this._call=t,this._time=e,Xn()},stop:function(){this._call&&(this._call=null,this._time=1/0,Xn())}};function Xt(t,n,e){var r=new un;return r.restart(t,n,e),r}function Ai(){cn(),++St;for(var t=an,n;t;)(n=vt-t._time)>=0&&t._call.call(void 0,n),t=t._next;--St}function Re(){vt=(sn=qt.now())+ln,St=Bt=0;try{Ai()}finally{St=0,$i(),vt=0}}function Ei(){var t=qt.now(),n=t-sn;n>Pe&&(ln-=n,sn=t)}function $i(){for(var t,n=an,e,r=1/0;n;)n._call?(r>n._time&&(r=n._time),t=n,n=n._next):(e=n._next,n._next=null,n=t?t._next=e:an=e);Ft=t,Xn(r)}function Xn(t){if(!St){Bt&&(Bt=clearTimeout(Bt));var n=t-vt;n>24?(t<1/0&&(Bt=setTimeout(Re,Math.ceil(t-qt.now()-ln)+1)),Dt&&(Dt=clearInterval(Dt))):(Dt||(sn=qt.now(),Dt=setInterval(Ei,Pe)),St=1,De(Re))}}function Vn(t,n,e){var r=new un;return n=n==null?0:+n,r.restart(i=>{r.stop(),t(i+n)},n,e),r}function Y(t){return function(){return t}}function pt(t){return(t()-.5)*1e-6}function Si(t){return t.x+t.vx}function Ti(t){return t.y+t.vy}function qe(t){var n,e,r,i=1,o=1;typeof t!="function"&&(t=Y(t==null?1:+t));function a(){for(var c,u=n.length,f,p,h,x,g,w,v=0;v<o;++v)for(f=rn(n,Si,Ti).visitAfter(s),c=0;c<u;++c)p=n[c],g=e[p.index],w=g*g,h=p.x+p.vx,x=p.y+p.vy,f.visit(k);function k(T,A,z,O,P){var L=T.data,B=T.r,R=g+B;if(L){if(L.index>p.index){var j=h-L.x-L.vx,F=x-L.y-L.vy,G=j*j+F*F;G<R*R&&(j===0&&(j=pt(r),G+=j*j),F===0&&(F=pt(r),G+=F*F),G=(R-(G=Math.sqrt(G)))/G*i,p.vx+=(j*=G)*(R=(B*=B)/(w+B)),p.vy+=(F*=G)*R,L.vx-=j*(R=1-R),L.vy-=F*R)}return}return A>h+R||O<h-R||z>x+R||P<x-R}}function s(c){if(c.data)return c.r=e[c.data.index];for(var u=c.r=0;u<4;++u)c[u]&&c[u].r>c.r&&(c.r=c[u].r)}function l(){if(n){var c,u=n.length,f;for(e=new Array(u),c=0;c<u;++c)f=n[c],e[f.index]=+t(f,c,n)}}return a.initialize=function(c,u){n=c,r=u,l()},a.iterations=function(c){return arguments.length?(o=+c,a):o},a.strength=function(c){return arguments.length?(i=+c,a):i},a.radius=function(c){return arguments.length?(t=typeof c=="function"?c:Y(+c),l(),a):t},a}function Ci(t){return t.index}function Be(t,n){var e=t.get(n);if(!e)throw new Error("node not found: "+n);return e}function Xe(t){var n=Ci,e=f,r,i=Y(30),o,a,s,l,c,u=1;t==null&&(t=[]);function f(w){return 1/Math.min(s[w.source.index],s[w.target.index])}function p(w){for(var v=0,k=t.length;v<u;++v)for(var T=0,A,z,O,P,L,B,R;T<k;++T)A=t[T],z=A.source,O=A.target,P=O.x+O.vx-z.x-z.vx||pt(c),L=O.y+O.vy-z.y-z.vy||pt(c),B=Math.sqrt(P*P+L*L),B=(B-o[T])/B*w*r[T],P*=B,L*=B,O.vx-=P*(R=l[T]),O.vy-=L*R,z.vx+=P*(R=1-R),z.vy+=L*R}function h(){if(a){var w,v=a.length,k=t.length,T=new Map(a.map((z,O)=>[n(z,O,a),z])),A;for(w=0,s=new Array(v);w<k;++w)A=t[w],A.index=w,typeof A.source!="object"&&(A.source=Be(T,A.source)),typeof A.target!="object"&&(A.target=Be(T,A.target)),s[A.source.index]=(s[A.source.index]||0)+1,s[A.target.index]=(s[A.target.index]||0)+1;for(w=0,l=new Array(k);w<k;++w)A=t[w],l[w]=s[A.source.index]/(s[A.source.index]+s[A.target.index]);r=new Array(k),x(),o=new Array(k),g()}}function x(){if(a)for(var w=0,v=t.length;w<v;++w)r[w]=+e(t[w],w,t)}function g(){if(a)for(var w=0,v=t.length;w<v;++w)o[w]=+i(t[w],w,t)}return p.initialize=function(w,v){a=w,c=v,h()},p.links=function(w){return arguments.length?(t=w,h(),p):t},p.id=function(w){return arguments.length?(n=w,p):n},p.iterations=function(w){return arguments.length?(u=+w,p):u},p.strength=function(w){return arguments.length?(e=typeof w=="function"?w:Y(+w),x(),p):e},p.distance=function(w){return arguments.length?(i=typeof w=="function"?w:Y(+w),g(),p):i},p}var zi=1664525,Ii=1013904223,Fe=4294967296;function Oi(){let t=1;return()=>(t=(zi*t+Ii)%Fe)/Fe}function Li(t){return t.x}function Ri(t){return t.y}var Pi=10,Di=Math.PI*(3-Math.sqrt(5));function Ve(t){var n,e=1,r=.001,i=1-Math.pow(r,1/300),o=0,a=.6,s=new Map,l=Xt(f),c=yt("tick","end"),u=Oi();t==null&&(t=[]);function f(){p(),c.call("tick",n),e<r&&(l.stop(),c.call("end",n))}function p(g){var w,v=t.length,k;g===void 0&&(g=1);for(var T=0;T<g;++T)for(e+=(o-e)*i,s.forEach(function(A){A(e)}),w=0;w<v;++w)k=t[w],k.fx==null?k.x+=k.vx*=a:(k.x=k.fx,k.vx=0),k.fy==null?k.y+=k.vy*=a:(k.y=k.fy,k.vy=0);return n}function h(){for(var g=0,w=t.length,v;g<w;++g){if(v=t[g],v.index=g,v.fx!=null&&(v.x=v.fx),v.fy!=null&&(v.y=v.fy),isNaN(v.x)||isNaN(v.y)){var k=Pi*Math.sqrt(.5+g),T=g*Di;v.x=k*Math.cos(T),v.y=k*Math.sin(T)}(isNaN(v.vx)||isNaN(v.vy))&&(v.vx=v.vy=0)}}function x(g){return g.initialize&&g.initialize(t,u),g}return h(),n={tick:p,restart:function(){return l.restart(f),n},stop:function(){return l.stop(),n},nodes:function(g){return arguments.length?(t=g,h(),s.forEach(x),n):t},alpha:function(g){return arguments.length?(e=+g,n):e},alphaMin:function(g){return arguments.length?(r=+g,n):r},alphaDecay:function(g){return arguments.length?(i=+g,n):+i},alphaTarget:function(g){return arguments.length?(o=+g,n):o},velocityDecay:function(g){return arguments.length?(a=1-g,n):1-a},randomSource:function(g){return arguments.length?(u=g,s.forEach(x),n):u},force:function(g,w){return arguments.length>1?(w==null?s.delete(g):s.set(g,x(w)),n):s.get(g)},find:function(g,w,v){var k=0,T=t.length,A,z,O,P,L;for(v==null?v=1/0:v*=v,k=0;k<T;++k)P=t[k],A=g-P.x,z=w-P.y,O=A*A+z*z,O<v&&(L=P,v=O);return L},on:function(g,w){return arguments.length>1?(c.on(g,w),n):c.on(g)}}}function He(){var t,n,e,r,i=Y(-30),o,a=1,s=1/0,l=.81;function c(h){var x,g=t.length,w=rn(t,Li,Ri).visitAfter(f);for(r=h,x=0;x<g;++x)n=t[x],w.visit(p)}function u(){if(t){var h,x=t.length,g;for(o=new Array(x),h=0;h<x;++h)g=t[h],o[g.index]=+i(g,h,t)}}function f(h){var x=0,g,w,v=0,k,T,A;if(h.length){for(k=T=A=0;A<4;++A)(g=h[A])&&(w=Math.abs(g.value))&&(x+=g.value,v+=w,k+=w*g.x,T+=w*g.y);h.x=k/v,h.y=T/v}else{g=h,g.x=g.data.x,g.y=g.data.y;do x+=o[g.data.index];while(g=g.next)}h.value=x}function p(h,x,g,w){if(!h.value)return!0;var v=h.x-n.x,k=h.y-n.y,T=w-x,A=v*v+k*k;if(T*T/l<A)return A<s&&(v===0&&(v=pt(e),A+=v*v),k===0&&(k=pt(e),A+=k*k),A<a&&(A=Math.sqrt(a*A)),n.vx+=v*h.value*r/A,n.vy+=k*h.value*r/A),!0;if(h.length||A>=s)return;(h.data!==n||h.next)&&(v===0&&(v=pt(e),A+=v*v),k===0&&(k=pt(e),A+=k*k),A<a&&(A=Math.sqrt(a*A)));do h.data!==n&&(T=o[h.data.index]*r/A,n.vx+=v*T,n.vy+=k*T);while(h=h.next)}return c.initialize=function(h,x){t=h,e=x,u()},c.strength=function(h){return arguments.length?(i=typeof h=="function"?h:Y(+h),u(),c):i},c.distanceMin=function(h){return arguments.length?(a=h*h,c):Math.sqrt(a)},c.distanceMax=function(h){return arguments.length?(s=h*h,c):Math.sqrt(s)},c.theta=function(h){return arguments.length?(l=h*h,c):Math.sqrt(l)},c}function Ye(t){var n=Y(.1),e,r,i;typeof t!="function"&&(t=Y(t==null?0:+t));function o(s){for(var l=0,c=e.length,u;l<c;++l)u=e[l],u.vx+=(i[l]-u.x)*r[l]*s}function a(){if(e){var s,l=e.length;for(r=new Array(l),i=new Array(l),s=0;s<l;++s)r[s]=isNaN(i[s]=+t(e[s],s,e))?0:+n(e[s],s,e)}}return o.initialize=function(s){e=s,a()},o.strength=function(s){return arguments.length?(n=typeof s=="function"?s:Y(+s),a(),o):n},o.x=function(s){return arguments.length?(t=typeof s=="function"?s:Y(+s),a(),o):t},o}function je(t){var n=Y(.1),e,r,i;typeof t!="function"&&(t=Y(t==null?0:+t));function o(s){for(var l=0,c=e.length,u;l<c;++l)u=e[l],u.vy+=(i[l]-u.y)*r[l]*s}function a(){if(e){var s,l=e.length;for(r=new Array(l),i=new Array(l),s=0;s<l;++s)r[s]=isNaN(i[s]=+t(e[s],s,e))?0:+n(e[s],s,e)}}return o.initialize=function(s){e=s,a()},o.strength=function(s){return arguments.length?(n=typeof s=="function"?s:Y(+s),a(),o):n},o.y=function(s){return arguments.length?(t=typeof s=="function"?s:Y(+s),a(),o):t},o}var Hn="http://www.w3.org/1999/xhtml",Ge={svg:"http://www.w3.org/2000/svg",xhtml:Hn,xlink:"http://www.w3.org/1999/xlink",xml:"http://www.w3.org/XML/1998/namespace",xmlns:"http://www.w3.org/2000/xmlns/"};function Vt(t){var n=t+="",e=n.indexOf(":");return e>=0&&(n=t.slice(0,e))!=="xmlns"&&(t=t.slice(e+1)),Ge.hasOwnProperty(n)?{space:Ge[n],local:t}:t}function Bi(t){return function(){var n=this.ownerDocument,e=this.namespaceURI;return e===Hn&&n.documentElement.namespaceURI===Hn?n.createElement(t):n.createElementNS(e,t)}}function Fi(t){return function(){return this.ownerDocument.createElementNS(t.space,t.local)}}function Je(t){var n=Vt(t);return(n.local?Fi:Bi)(n)}function qi(){}function hn(t){return t==null?qi:function(){return this.querySelector(t)}}function Xi(t){typeof t!="function"&&(t=hn(t));for(var n=this._groups,e=n.length,r=new Array(e),i=0;i<e;++i)for(var o=n[i],a=o.length,s=r[i]=new Array(a),l,c,u=0;u<a;++u)(l=o[u])&&(c=t.call(l,l.__data__,u,o))&&("__data__"in l&&(c.__data__=l.__data__),s[u]=c);return new U(r,this._parents)}function Vi(t){return t==null?[]:Array.isArray(t)?t:Array.from(t)}function Hi(){return[]}function jn(t){return t==null?Hi:function(){return this.querySelectorAll(t)}}function Yi(t){return function(){return Vi(t.apply(this,arguments))}}function ji(t){typeof t=="function"?t=Yi(t):t=jn(t);for(var n=this._groups,e=n.length,r=[],i=[],o=0;o<e;++o)for(var a=n[o],s=a.length,l,c=0;c<s;++c)(l=a[c])&&(r.push(t.call(l,l.__data__,c,a)),i.push(l));return new U(r,i)}function Gn(t){return function(){return this.matches(t)}}function We(t){return function(n){return n.matches(t)}}var Gi=Array.prototype.find;function Ji(t){return function(){return Gi.call(this.children,t)}}function Wi(){return this.firstElementChild}function Ki(t){return this.select(t==null?Wi:Ji(typeof t=="function"?t:We(t)))}var Ui=Array.prototype.filter;function Zi(){return Array.from(this.children)}function Qi(t){return function(){return Ui.call(this.children,t)}}function to(t){return this.selectAll(t==null?Zi:Qi(typeof t=="function"?t:We(t)))}function no(t){typeof t!="function"&&(t=Gn(t));for(var n=this._groups,e=n.length,r=new Array(e),i=0;i<e;++i)for(var o=n[i],a=o.length,s=r[i]=[],l,c=0;c<a;++c)(l=o[c])&&t.call(l,l.__data__,c,o)&&s.push(l);return new U(r,this._parents)}function Ke(t){return new Array(t.length)}function eo(){return new U(this._enter||this._groups.map(Ke),this._parents)}function fn(t,n){this.ownerDocument=t.ownerDocument,this.namespaceURI=t.namespaceURI,this._next=null,this._parent=t,this.__data__=n}fn.prototype={constructor:fn,appendChild:function(t){return this._parent.insertBefore(t,this._next)},insertBefore:function(t,n){return this._parent.insertBefore(t,n)},querySelector:function(t){return this._parent.querySelector(t)},querySelectorAll:function(t){return this._parent.querySelectorAll(t)}};function ro(t){return function(){return t}}function io(t,n,e,r,i,o){for(var a=0,s,l=n.length,c=o.length;a<c;++a)(s=n[a])?(s.__data__=o[a],r[a]=s):e[a]=new fn(t,o[a]);for(;a<l;++a)(s=n[a])&&(i[a]=s)}function oo(t,n,e,r,i,o,a){var s,l,c=new Map,u=n.length,f=o.length,p=new Array(u),h;for(s=0;s<u;++s)(l=n[s])&&(p[s]=h=a.call(l,l.__data__,s,n)+"",c.has(h)?i[s]=l:c.set(h,l));for(s=0;s<f;++s)h=a.call(t,o[s],s,o)+"",(l=c.get(h))?(r[s]=l,l.__data__=o[s],c.delete(h)):e[s]=new fn(t,o[s]);for(s=0;s<u;++s)(l=n[s])&&c.get(p[s])===l&&(i[s]=l)}function ao(t){return t.__data__}function so(t,n){if(!arguments.length)return Array.from(this,ao);var e=n?oo:io,r=this._parents,i=this._groups;typeof t!="function"&&(t=ro(t));for(var o=i.length,a=new Array(o),s=new Array(o),l=new Array(o),c=0;c<o;++c){var u=r[c],f=i[c],p=f.length,h=uo(t.call(u,u&&u.__data__,c,r)),x=h.length,g=s[c]=new Array(x),w=a[c]=new Array(x),v=l[c]=new Array(p);e(u,f,g,w,v,h,n);for(var k=0,T=0,A,z;k<x;++k)if(A=g[k]){for(k>=T&&(T=k+1);!(z=w[T])&&++T<x;);A._next=z||null}}return a=new U(a,r),a._enter=s,a._exit=l,a}function uo(t){return typeof t=="object"&&"length"in t?t:Array.from(t)}function lo(){return new U(this._exit||this._groups.map(Ke),this._parents)}function co(t,n,e){var r=this.enter(),i=this,o=this.exit();return typeof t=="function"?(r=t(r),r&&(r=r.selection())):r=r.append(t+""),n!=null&&(i=n(i),i&&(i=i.selection())),e==null?o.remove():e(o),r&&i?r.merge(i).order():i}function fo(t){for(var n=t.selection?t.selection():t,e=this._groups,r=n._groups,i=e.length,o=r.length,a=Math.min(i,o),s=new Array(i),l=0;l<a;++l)for(var c=e[l],u=r[l],f=c.length,p=s[l]=new Array(f),h,x=0;x<f;++x)(h=c[x]||u[x])&&(p[x]=h);for(;l<i;++l)s[l]=e[l];return new U(s,this._parents)}function ho(){for(var t=this._groups,n=-1,e=t.length;++n<e;)for(var r=t[n],i=r.length-1,o=r[i],a;--i>=0;)(a=r[i])&&(o&&a.compareDocumentPosition(o)^4&&o.parentNode.insertBefore(a,o),o=a);return this}function po(t){t||(t=go);function n(f,p){return f&&p?t(f.__data__,p.__data__):!f-!p}for(var e=this._groups,r=e.length,i=new Array(r),o=0;o<r;++o){for(var a=e[o],s=a.length,l=i[o]=new Array(s),c,u=0;u<s;++u)(c=a[u])&&(l[u]=c);l.sort(n)}return new U(i,this._parents).order()}function go(t,n){return t<n?-1:t>n?1:t>=n?0:NaN}function mo(){var t=arguments[0];return arguments[0]=this,t.apply(null,arguments),this}function yo(){return Array.from(this)}function vo(){for(var t=this._groups,n=0,e=t.length;n<e;++n)for(var r=t[n],i=0,o=r.length;i<o;++i){var a=r[i];if(a)return a}return null}function wo(){let t=0;for(let n of this)++t;return t}function xo(){return!this.node()}function _o(t){for(var n=this._groups,e=0,r=n.length;e<r;++e)for(var i=n[e],o=0,a=i.length,s;o<a;++o)(s=i[o])&&t.call(s,s.__data__,o,i);return this}function bo(t){return function(){this.removeAttribute(t)}}function Mo(t){return function(){this.removeAttributeNS(t.space,t.local)}}function ko(t,n){return function(){this.setAttribute(t,n)}}function No(t,n){return function(){this.setAttributeNS(t.space,t.local,n)}}function Ao(t,n){return function(){var e=n.apply(this,arguments);e==null?this.removeAttribute(t):this.setAttribute(t,e)}}function Eo(t,n){return function(){var e=n.apply(this,arguments);e==null?this.removeAttributeNS(t.space,t.local):this.setAttributeNS(t.space,t.local,e)}}function $o(t,n){var e=Vt(t);if(arguments.length<2){var r=this.node();return e.local?r.getAttributeNS(e.space,e.local):r.getAttribute(e)}return this.each((n==null?e.local?Mo:bo:typeof n=="function"?e.local?Eo:Ao:e.local?No:ko)(e,n))}function Ue(t){return t.ownerDocument&&t.ownerDocument.defaultView||t.document&&t||t.defaultView}function So(t){return function(){this.style.removeProperty(t)}}function To(t,n,e){return function(){this.style.setProperty(t,n,e)}}function Co(t,n,e){return function(){var r=n.apply(this,arguments);r==null?this.style.removeProperty(t):this.style.setProperty(t,r,e)}}function zo(t,n,e){return arguments.length>1?this.each((n==null?So:typeof n=="function"?Co:To)(t,n,e??"")):wt(this.node(),t)}function wt(t,n){return t.style.getPropertyValue(n)||Ue(t).getComputedStyle(t,null).getPropertyValue(n)}function Io(t){return function(){delete this[t]}}function Oo(t,n){return function(){this[t]=n}}function Lo(t,n){return function(){var e=n.apply(this,arguments);e==null?delete this[t]:this[t]=e}}function Ro(t,n){return arguments.length>1?this.each((n==null?Io:typeof n=="function"?Lo:Oo)(t,n)):this.node()[t]}function Ze(t){return t.trim().split(/^|\s+/)}function Jn(t){return t.classList||new Qe(t)}function Qe(t){this._node=t,this._names=Ze(t.getAttribute("class")||"")}Qe.prototype={add:function(t){var n=this._names.indexOf(t);n<0&&(this._names.push(t),this._node.setAttribute("class",this._names.join(" ")))},remove:function(t){var n=this._names.indexOf(t);n>=0&&(this._names.splice(n,1),this._node.setAttribute("class",this._names.join(" ")))},contains:function(t){return this._names.indexOf(t)>=0}};function tr(t,n){for(var e=Jn(t),r=-1,i=n.length;++r<i;)e.add(n[r])}function nr(t,n){for(var e=Jn(t),r=-1,i=n.length;++r<i;)e.remove(n[r])}function Po(t){return function(){tr(this,t)}}function Do(t){return function(){nr(this,t)}}function Bo(t,n){return function(){(n.apply(this,arguments)?tr:nr)(this,t)}}function Fo(t,n){var e=Ze(t+"");if(arguments.length<2){for(var r=Jn(this.node()),i=-1,o=e.length;++i<o;)if(!r.contains(e[i]))return!1;return!0}return this.each((typeof n=="function"?Bo:n?Po:Do)(e,n))}function qo(){this.textContent=""}function Xo(t){return function(){this.textContent=t}}function Vo(t){return function(){var n=t.apply(this,arguments);this.textContent=n??""}}function Ho(t){return arguments.length?this.each(t==null?qo:(typeof t=="function"?Vo:Xo)(t)):this.node().textContent}function Yo(){this.innerHTML=""}function jo(t){return function(){this.innerHTML=t}}function Go(t){return function(){var n=t.apply(this,arguments);this.innerHTML=n??""}}function Jo(t){return arguments.length?this.each(t==null?Yo:(typeof t=="function"?Go:jo)(t)):this.node().innerHTML}function Wo(){this.nextSibling&&this.parentNode.appendChild(this)}function Ko(){return this.each(Wo)}function Uo(){this.previousSibling&&this.parentNode.insertBefore(this,this.parentNode.firstChild)}function Zo(){return this.each(Uo)}function Qo(t){var n=typeof t=="function"?t:Je(t);return this.select(function(){return this.appendChild(n.apply(this,arguments))})}function ta(){return null}function na(t,n){var e=typeof t=="function"?t:Je(t),r=n==null?ta:typeof n=="function"?n:hn(n);return this.select(function(){return this.insertBefore(e.apply(this,arguments),r.apply(this,arguments)||null)})}function ea(){var t=this.parentNode;t&&t.removeChild(this)}function ra(){return this.each(ea)}function ia(){var t=this.cloneNode(!1),n=this.parentNode;return n?n.insertBefore(t,this.nextSibling):t}function oa(){var t=this.cloneNode(!0),n=this.parentNode;return n?n.insertBefore(t,this.nextSibling):t}function aa(t){return this.select(t?oa:ia)}function sa(t){return arguments.length?this.property("__data__",t):this.node().__data__}function ua(t){return function(n){t.call(this,n,this.__data__)}}function la(t){return t.trim().split(/^|\s+/).map(function(n){var e="",r=n.indexOf(".");return r>=0&&(e=n.slice(r+1),n=n.slice(0,r)),{type:n,name:e}})}function ca(t){return function(){var n=this.__on;if(n){for(var e=0,r=-1,i=n.length,o;e<i;++e)o=n[e],(!t.type||o.type===t.type)&&o.name===t.name?this.removeEventListener(o.type,o.listener,o.options):n[++r]=o;++r?n.length=r:delete this.__on}}}function fa(t,n,e){return function(){var r=this.__on,i,o=ua(n);if(r){for(var a=0,s=r.length;a<s;++a)if((i=r[a]).type===t.type&&i.name===t.name){this.removeEventListener(i.type,i.listener,i.options),this.addEventListener(i.type,i.listener=o,i.options=e),i.value=n;return}}this.addEventListener(t.type,o,e),i={type:t.type,name:t.name,value:n,listener:o,options:e},r?r.push(i):this.__on=[i]}}function ha(t,n,e){var r=la(t+""),i,o=r.length,a;if(arguments.length<2){var s=this.node().__on;if(s){for(var l=0,c=s.length,u;l<c;++l)for(i=0,u=s[l];i<o;++i)if((a=r[i]).type===u.type&&a.name===u.name)return u.value}return}for(s=n?fa:ca,i=0;i<o;++i)this.each(s(r[i],n,e));return this}function er(t,n,e){var r=Ue(t),i=r.CustomEvent;typeof i=="function"?i=new i(n,e):(i=r.document.createEvent("Event"),e?(i.initEvent(n,e.bubbles,e.cancelable),i.detail=e.detail):i.initEvent(n,!1,!1)),t.dispatchEvent(i)}function da(t,n){return function(){return er(this,t,n)}}function pa(t,n){return function(){return er(this,t,n.apply(this,arguments))}}function ga(t,n){return this.each((typeof n=="function"?pa:da)(t,n))}function*ma(){for(var t=this._groups,n=0,e=t.length;n<e;++n)for(var r=t[n],i=0,o=r.length,a;i<o;++i)(a=r[i])&&(yield a)}var rr=[null];function U(t,n){this._groups=t,this._parents=n}function xt(){return new U([[document.documentElement]],rr)}function ya(){return this}U.prototype=xt.prototype={constructor:U,select:Xi,selectAll:ji,selectChild:Ki,selectChildren:to,filter:no,data:so,enter:eo,exit:lo,join:co,merge:fo,selection:ya,order:ho,sort:po,call:mo,nodes:yo,node:vo,size:wo,empty:xo,each:_o,attr:$o,style:zo,property:Ro,classed:Fo,text:Ho,html:Jo,raise:Ko,lower:Zo,append:Qo,insert:na,remove:ra,clone:aa,datum:sa,on:ha,dispatch:ga,[Symbol.iterator]:ma};function Z(t){return typeof t=="string"?new U([[document.querySelector(t)]],[document.documentElement]):new U([[t]],rr)}var va=0;function wa(){return new Yn}function Yn(){this._="@"+(++va).toString(36)}Yn.prototype=wa.prototype={constructor:Yn,get:function(t){for(var n=this._;!(n in t);)if(!(t=t.parentNode))return;return t[n]},set:function(t,n){return t[this._]=n},remove:function(t){return this._ in t&&delete t[this._]},toString:function(){return this._}};function xa(t){let n;for(;n=t.sourceEvent;)t=n;return t}function ut(t,n){if(t=xa(t),n===void 0&&(n=t.currentTarget),n){var e=n.ownerSVGElement||n;if(e.createSVGPoint){var r=e.createSVGPoint();return r.x=t.clientX,r.y=t.clientY,r=r.matrixTransform(n.getScreenCTM().inverse()),[r.x,r.y]}if(n.getBoundingClientRect){var i=n.getBoundingClientRect();return[t.clientX-i.left-n.clientLeft,t.clientY-i.top-n.clientTop]}}return[t.pageX,t.pageY]}var Wn={capture:!0,passive:!1};function Kn(t){t.preventDefault(),t.stopImmediatePropagation()}function ir(t){var n=t.document.documentElement,e=Z(t).on("dragstart.drag",Kn,Wn);"onselectstart"in n?e.on("selectstart.drag",Kn,Wn):(n.__noselect=n.style.MozUserSelect,n.style.MozUserSelect="none")}function or(t,n){var e=t.document.documentElement,r=Z(t).on("dragstart.drag",null);n&&(r.on("click.drag",Kn,Wn),setTimeout(function(){r.on("click.drag",null)},0)),"onselectstart"in e?r.on("selectstart.drag",null):(e.style.MozUserSelect=e.__noselect,delete e.__noselect)}function _a(t,{sourceEvent:n,subject:e,target:r,identifier:i,active:o,x:a,y:s,dx:l,dy:c,dispatch:u}){Object.defineProperties(this,{type:{value:t,enumerable:!0,configurable:!0},sourceEvent:{value:n,enumerable:!0,configurable:!0},subject:{value:e,enumerable:!0,configurable:!0},target:{value:r,enumerable:!0,configurable:!0},identifier:{value:i,enumerable:!0,configurable:!0},active:{value:o,enumerable:!0,configurable:!0},x:{value:a,enumerable:!0,configurable:!0},y:{value:s,enumerable:!0,configurable:!0},dx:{value:l,enumerable:!0,configurable:!0},dy:{value:c,enumerable:!0,configurable:!0},_:{value:u}})}_a.prototype.on=function(){var t=this._.on.apply(this._,arguments);return t===this._?this:t};function It(t,n,e){t.prototype=n.prototype=e,e.constructor=t}function jt(t,n){var e=Object.create(t.prototype);for(var r in n)e[r]=n[r];return e}function gt(){}var kt=.7,zt=1/kt,Tt="\\s*([+-]?\\d+)\\s*",Ht="\\s*([+-]?(?:\\d*\\.)?\\d+(?:[eE][+-]?\\d+)?)\\s*",rt="\\s*([+-]?(?:\\d*\\.)?\\d+(?:[eE][+-]?\\d+)?)%\\s*",ba=/^#([0-9a-f]{3,8})$/,Ma=new RegExp(`^rgb\\(${Tt},${Tt},${Tt}\\)$`),ka=new RegExp(`^rgb\\(${rt},${rt},${rt}\\)$`),Na=new RegExp(`^rgba\\(${Tt},${Tt},${Tt},${Ht}\\)$`),Aa=new RegExp(`^rgba\\(${rt},${rt},${rt},${Ht}\\)$`),Ea=new RegExp(`^hsl\\(${Ht},${rt},${rt}\\)$`),$a=new RegExp(`^hsla\\(${Ht},${rt},${rt},${Ht}\\)$`),ar={aliceblue:15792383,antiquewhite:16444375,aqua:65535,aquamarine:8388564,azure:15794175,beige:16119260,bisque:16770244,black:0,blanchedalmond:16772045,blue:255,blueviolet:9055202,brown:10824234,burlywood:14596231,cadetblue:6266528,chartreuse:8388352,chocolate:13789470,coral:16744272,cornflowerblue:6591981,cornsilk:16775388,crimson:14423100,cyan:65535,darkblue:139,darkcyan:35723,darkgoldenrod:12092939,darkgray:11119017,darkgreen:25600,darkgrey:11119017,darkkhaki:12433259,darkmagenta:9109643,darkolivegreen:5597999,darkorange:16747520,darkorchid:10040012,darkred:9109504,darksalmon:15308410,darkseagreen:9419919,darkslateblue:4734347,darkslategray:3100495,darkslategrey:3100495,darkturquoise:52945,darkviolet:9699539,deeppink:16716947,deepskyblue:49151,dimgray:6908265,dimgrey:6908265,dodgerblue:2003199,firebrick:11674146,floralwhite:16775920,forestgreen:2263842,fuchsia:16711935,gainsboro:14474460,ghostwhite:16316671,gold:16766720,goldenrod:14329120,gray:8421504,green:32768,greenyellow:11403055,grey:8421504,honeydew:15794160,hotpink:16738740,indianred:13458524,indigo:4915330,ivory:16777200,khaki:15787660,lavender:15132410,lavenderblush:16773365,lawngreen:8190976,lemonchiffon:16775885,lightblue:11393254,lightcoral:15761536,lightcyan:14745599,lightgoldenrodyellow:16448210,lightgray:13882323,lightgreen:9498256,lightgrey:13882323,lightpink:16758465,lightsalmon:16752762,lightseagreen:2142890,lightskyblue:8900346,lightslategray:7833753,lightslategrey:7833753,lightsteelblue:11584734,lightyellow:16777184,lime:65280,limegreen:3329330,linen:16445670,magenta:16711935,maroon:8388608,mediumaquamarine:6737322,mediumblue:205,mediumorchid:12211667,mediumpurple:9662683,mediumseagreen:3978097,mediumslateblue:8087790,mediumspringgreen:64154,mediumturquoise:4772300,mediumvioletred:13047173,midnightblue:1644912,mintcream:16121850,mistyrose:16770273,moccasin:16770229,navajowhite:16768685,navy:128,oldlace:16643558,olive:8421376,olivedrab:7048739,orange:16753920,orangered:16729344,orchid:14315734,palegoldenrod:15657130,palegreen:10025880,paleturquoise:11529966,palevioletred:14381203,papayawhip:16773077,peachpuff:16767673,peru:13468991,pink:16761035,plum:14524637,powderblue:11591910,purple:8388736,rebeccapurple:6697881,red:16711680,rosybrown:12357519,royalblue:4286945,saddlebrown:9127187,salmon:16416882,sandybrown:16032864,seagreen:3050327,seashell:16774638,sienna:10506797,silver:12632256,skyblue:8900331,slateblue:6970061,slategray:7372944,slategrey:7372944,snow:16775930,springgreen:65407,steelblue:4620980,tan:13808780,teal:32896,thistle:14204888,tomato:16737095,turquoise:4251856,violet:15631086,wheat:16113331,white:16777215,whitesmoke:16119285,yellow:16776960,yellowgreen:10145074};It(gt,Nt,{copy(t){return Object.assign(new this.constructor,this,t)},displayable(){return this.rgb().displayable()},hex:sr,formatHex:sr,formatHex8:Sa,formatHsl:Ta,formatRgb:ur,toString:ur});function sr(){return this.rgb().formatHex()}function Sa(){return this.rgb().formatHex8()}function Ta(){return yr(this).formatHsl()}function ur(){return this.rgb().formatRgb()}function Nt(t){var n,e;return t=(t+"").trim().toLowerCase(),(n=ba.exec(t))?(e=n[1].length,n=parseInt(n[1],16),e===6?lr(n):e===3?new q(n>>8&15|n>>4&240,n>>4&15|n&240,(n&15)<<4|n&15,1):e===8?dn(n>>24&255,n>>16&255,n>>8&255,(n&255)/255):e===4?dn(n>>12&15|n>>8&240,n>>8&15|n>>4&240,n>>4&15|n&240,((n&15)<<4|n&15)/255):null):(n=Ma.exec(t))?new q(n[1],n[2],n[3],1):(n=ka.exec(t))?new q(n[1]*255/100,n[2]*255/100,n[3]*255/100,1):(n=Na.exec(t))?dn(n[1],n[2],n[3],n[4]):(n=Aa.exec(t))?dn(n[1]*255/100,n[2]*255/100,n[3]*255/100,n[4]):(n=Ea.exec(t))?hr(n[1],n[2]/100,n[3]/100,1):(n=$a.exec(t))?hr(n[1],n[2]/100,n[3]/100,n[4]):ar.hasOwnProperty(t)?lr(ar[t]):t==="transparent"?new q(NaN,NaN,NaN,0):null}function lr(t){return new q(t>>16&255,t>>8&255,t&255,1)}function dn(t,n,e,r){return r<=0&&(t=n=e=NaN),new q(t,n,e,r)}function ee(t){return t instanceof gt||(t=Nt(t)),t?(t=t.rgb(),new q(t.r,t.g,t.b,t.opacity)):new q}function Gt(t,n,e,r){return arguments.length===1?ee(t):new q(t,n,e,r??1)}function q(t,n,e,r){this.r=+t,this.g=+n,this.b=+e,this.opacity=+r}It(q,Gt,jt(gt,{brighter(t){return t=t==null?zt:Math.pow(zt,t),new q(this.r*t,this.g*t,this.b*t,this.opacity)},darker(t){return t=t==null?kt:Math.pow(kt,t),new q(this.r*t,this.g*t,this.b*t,this.opacity)},rgb(){return this},clamp(){return new q(bt(this.r),bt(this.g),bt(this.b),gn(this.opacity))},displayable(){return-.5<=this.r&&this.r<255.5&&-.5<=this.g&&this.g<255.5&&-.5<=this.b&&this.b<255.5&&0<=this.opacity&&this.opacity<=1},hex:cr,formatHex:cr,formatHex8:Ca,formatRgb:fr,toString:fr}));function cr(){return`#${_t(this.r)}${_t(this.g)}${_t(this.b)}`}function Ca(){return`#${_t(this.r)}${_t(this.g)}${_t(this.b)}${_t((isNaN(this.opacity)?1:this.opacity)*255)}`}function fr(){let t=gn(this.opacity);return`${t===1?"rgb(":"rgba("}${bt(this.r)}, ${bt(this.g)}, ${bt(this.b)}${t===1?")":`, ${t})`}`}function gn(t){return isNaN(t)?1:Math.max(0,Math.min(1,t))}function bt(t){return Math.max(0,Math.min(255,Math.round(t)||0))}function _t(t){return t=bt(t),(t<16?"0":"")+t.toString(16)}function hr(t,n,e,r){return r<=0?t=n=e=NaN:e<=0||e>=1?t=n=NaN:n<=0&&(t=NaN),new nt(t,n,e,r)}function yr(t){if(t instanceof nt)return new nt(t.h,t.s,t.l,t.opacity);if(t instanceof gt||(t=Nt(t)),!t)return new nt;if(t instanceof nt)return t;t=t.rgb();var n=t.r/255,e=t.g/255,r=t.b/255,i=Math.min(n,e,r),o=Math.max(n,e,r),a=NaN,s=o-i,l=(o+i)/2;return s?(n===o?a=(e-r)/s+(e<r)*6:e===o?a=(r-n)/s+2:a=(n-e)/s+4,s/=l<.5?o+i:2-o-i,a*=60):s=l>0&&l<1?0:a,new nt(a,s,l,t.opacity)}function yn(t,n,e,r){return arguments.length===1?yr(t):new nt(t,n,e,r??1)}function nt(t,n,e,r){this.h=+t,this.s=+n,this.l=+e,this.opacity=+r}It(nt,yn,jt(gt,{brighter(t){return t=t==null?zt:Math.pow(zt,t),new nt(this.h,this.s,this.l*t,this.opacity)},darker(t){return t=t==null?kt:Math.pow(kt,t),new nt(this.h,this.s,this.l*t,this.opacity)},rgb(){var t=this.h%360+(this.h<0)*360,n=isNaN(t)||isNaN(this.s)?0:this.s,e=this.l,r=e+(e<.5?e:1-e)*n,i=2*e-r;return new q(Un(t>=240?t-240:t+120,i,r),Un(t,i,r),Un(t<120?t+240:t-120,i,r),this.opacity)},clamp(){return new nt(dr(this.h),pn(this.s),pn(this.l),gn(this.opacity))},displayable(){return(0<=this.s&&this.s<=1||isNaN(this.s))&&0<=this.l&&this.l<=1&&0<=this.opacity&&this.opacity<=1},formatHsl(){let t=gn(this.opacity);return`${t===1?"hsl(":"hsla("}${dr(this.h)}, ${pn(this.s)*100}%, ${pn(this.l)*100}%${t===1?")":`, ${t})`}`}}));function dr(t){return t=(t||0)%360,t<0?t+360:t}function pn(t){return Math.max(0,Math.min(1,t||0))}function Un(t,n,e){return(t<60?n+(e-n)*t/60:t<180?e:t<240?n+(e-n)*(240-t)/60:n)*255}var vr=Math.PI/180,wr=180/Math.PI,mn=18,xr=.96422,_r=1,br=.82521,Mr=4/29,Ct=6/29,kr=3*Ct*Ct,za=Ct*Ct*Ct;function Nr(t){if(t instanceof it)return new it(t.l,t.a,t.b,t.opacity);if(t instanceof lt)return Er(t);t instanceof q||(t=ee(t));var n=ne(t.r),e=ne(t.g),r=ne(t.b),i=Zn((.2225045*n+.7168786*e+.0606169*r)/_r),o,a;return n===e&&e===r?o=a=i:(o=Zn((.4360747*n+.3850649*e+.1430804*r)/xr),a=Zn((.0139322*n+.0971045*e+.7141733*r)/br)),new it(116*i-16,500*(o-i),200*(i-a),t.opacity)}function Ar(t,n,e,r){return arguments.length===1?Nr(t):new it(t,n,e,r??1)}function it(t,n,e,r){this.l=+t,this.a=+n,this.b=+e,this.opacity=+r}It(it,Ar,jt(gt,{brighter(t){return new it(this.l+mn*(t??1),this.a,this.b,this.opacity)},darker(t){return new it(this.l-mn*(t??1),this.a,this.b,this.opacity)},rgb(){var t=(this.l+16)/116,n=isNaN(this.a)?t:t+this.a/500,e=isNaN(this.b)?t:t-this.b/200;return n=xr*Qn(n),t=_r*Qn(t),e=br*Qn(e),new q(te(3.1338561*n-1.6168667*t-.4906146*e),te(-.9787684*n+1.9161415*t+.033454*e),te(.0719453*n-.2289914*t+1.4052427*e),this.opacity)}}));function Zn(t){return t>za?Math.pow(t,1/3):t/kr+Mr}function Qn(t){return t>Ct?t*t*t:kr*(t-Mr)}function te(t){return 255*(t<=.0031308?12.92*t:1.055*Math.pow(t,1/2.4)-.055)}function ne(t){return(t/=255)<=.04045?t/12.92:Math.pow((t+.055)/1.055,2.4)}function Ia(t){if(t instanceof lt)return new lt(t.h,t.c,t.l,t.opacity);if(t instanceof it||(t=Nr(t)),t.a===0&&t.b===0)return new lt(NaN,0<t.l&&t.l<100?0:NaN,t.l,t.opacity);var n=Math.atan2(t.b,t.a)*wr;return new lt(n<0?n+360:n,Math.sqrt(t.a*t.a+t.b*t.b),t.l,t.opacity)}function vn(t,n,e,r){return arguments.length===1?Ia(t):new lt(t,n,e,r??1)}function lt(t,n,e,r){this.h=+t,this.c=+n,this.l=+e,this.opacity=+r}function Er(t){if(isNaN(t.h))return new it(t.l,0,0,t.opacity);var n=t.h*vr;return new it(t.l,Math.cos(n)*t.c,Math.sin(n)*t.c,t.opacity)}It(lt,vn,jt(gt,{brighter(t){return new lt(this.h,this.c,this.l+mn*(t??1),this.opacity)},darker(t){return new lt(this.h,this.c,this.l-mn*(t??1),this.opacity)},rgb(){return Er(this).rgb()}}));var $r=-.14861,re=1.78277,ie=-.29227,wn=-.90649,Yt=1.97294,pr=Yt*wn,gr=Yt*re,mr=re*ie-wn*$r;function Oa(t){if(t instanceof Mt)return new Mt(t.h,t.s,t.l,t.opacity);t instanceof q||(t=ee(t));var n=t.r/255,e=t.g/255,r=t.b/255,i=(mr*r+pr*n-gr*e)/(mr+pr-gr),o=r-i,a=(Yt*(e-i)-ie*o)/wn,s=Math.sqrt(a*a+o*o)/(Yt*i*(1-i)),l=s?Math.atan2(a,o)*wr-120:NaN;return new Mt(l<0?l+360:l,s,i,t.opacity)}function xn(t,n,e,r){return arguments.length===1?Oa(t):new Mt(t,n,e,r??1)}function Mt(t,n,e,r){this.h=+t,this.s=+n,this.l=+e,this.opacity=+r}It(Mt,xn,jt(gt,{brighter(t){return t=t==null?zt:Math.pow(zt,t),new Mt(this.h,this.s,this.l*t,this.opacity)},darker(t){return t=t==null?kt:Math.pow(kt,t),new Mt(this.h,this.s,this.l*t,this.opacity)},rgb(){var t=isNaN(this.h)?0:(this.h+120)*vr,n=+this.l,e=isNaN(this.s)?0:this.s*n*(1-n),r=Math.cos(t),i=Math.sin(t);return new q(255*(n+e*($r*r+re*i)),255*(n+e*(ie*r+wn*i)),255*(n+e*(Yt*r)),this.opacity)}}));function Cr(t,n,e,r,i){var o=t*t,a=o*t;return((1-3*t+3*o-a)*n+(4-6*o+3*a)*e+(1+3*t+3*o-3*a)*r+a*i)/6}function La(t){var n=t.length-1;return function(e){var r=e<=0?e=0:e>=1?(e=1,n-1):Math.floor(e*n),i=t[r],o=t[r+1],a=r>0?t[r-1]:2*i-o,s=r<n-1?t[r+2]:2*o-i;return Cr((e-r/n)*n,a,i,o,s)}}function Ra(t){var n=t.length;return function(e){var r=Math.floor(((e%=1)<0?++e:e)*n),i=t[(r+n-1)%n],o=t[r%n],a=t[(r+1)%n],s=t[(r+2)%n];return Cr((e-r/n)*n,i,o,a,s)}}var ue=t=>()=>t;function zr(t,n){return function(e){return t+e*n}}function Pa(t,n,e){return t=Math.pow(t,e),n=Math.pow(n,e)-t,e=1/e,function(r){return Math.pow(t+r*n,e)}}function le(t,n){var e=n-t;return e?zr(t,e>180||e<-180?e-360*Math.round(e/360):e):ue(isNaN(t)?n:t)}function Da(t){return(t=+t)==1?W:function(n,e){return e-n?Pa(n,e,t):ue(isNaN(n)?e:n)}}function W(t,n){var e=n-t;return e?zr(t,e):ue(isNaN(t)?n:t)}var ce=(function t(n){var e=Da(n);function r(i,o){var a=e((i=Gt(i)).r,(o=Gt(o)).r),s=e(i.g,o.g),l=e(i.b,o.b),c=W(i.opacity,o.opacity);return function(u){return i.r=a(u),i.g=s(u),i.b=l(u),i.opacity=c(u),i+""}}return r.gamma=t,r})(1);function Ir(t){return function(n){var e=n.length,r=new Array(e),i=new Array(e),o=new Array(e),a,s;for(a=0;a<e;++a)s=Gt(n[a]),r[a]=s.r||0,i[a]=s.g||0,o[a]=s.b||0;return r=t(r),i=t(i),o=t(o),s.opacity=1,function(l){return s.r=r(l),s.g=i(l),s.b=o(l),s+""}}}var Bu=Ir(La),Fu=Ir(Ra);function ct(t,n){return t=+t,n=+n,function(e){return t*(1-e)+n*e}}var ae=/[-+]?(?:\d+\.?\d*|\.?\d+)(?:[eE][-+]?\d+)?/g,oe=new RegExp(ae.source,"g");function Ba(t){return function(){return t}}function Fa(t){return function(n){return t(n)+""}}function Or(t,n){var e=ae.lastIndex=oe.lastIndex=0,r,i,o,a=-1,s=[],l=[];for(t=t+"",n=n+"";(r=ae.exec(t))&&(i=oe.exec(n));)(o=i.index)>e&&(o=n.slice(e,o),s[a]?s[a]+=o:s[++a]=o),(r=r[0])===(i=i[0])?s[a]?s[a]+=i:s[++a]=i:(s[++a]=null,l.push({i:a,x:ct(r,i)})),e=oe.lastIndex;return e<n.length&&(o=n.slice(e),s[a]?s[a]+=o:s[++a]=o),s.length<2?l[0]?Fa(l[0].x):Ba(n):(n=l.length,function(c){for(var u=0,f;u<n;++u)s[(f=l[u]).i]=f.x(c);return s.join("")})}var Sr=180/Math.PI,se={translateX:0,translateY:0,rotate:0,skewX:0,scaleX:1,scaleY:1};function Lr(t,n,e,r,i,o){var a,s,l;return(a=Math.sqrt(t*t+n*n))&&(t/=a,n/=a),(l=t*e+n*r)&&(e-=t*l,r-=n*l),(s=Math.sqrt(e*e+r*r))&&(e/=s,r/=s,l/=s),t*r<n*e&&(t=-t,n=-n,l=-l,a=-a),{translateX:i,translateY:o,rotate:Math.atan2(n,t)*Sr,skewX:Math.atan(l)*Sr,scaleX:a,scaleY:s}}var _n;function qa(t){let n=new(typeof DOMMatrix=="function"?DOMMatrix:WebKitCSSMatrix)(t+"");return n.isIdentity?se:Lr(n.a,n.b,n.c,n.d,n.e,n.f)}function Xa(t){return t==null||(_n||(_n=document.createElementNS("http://www.w3.org/2000/svg","g")),_n.setAttribute("transform",t),!(t=_n.transform.baseVal.consolidate()))?se:(t=t.matrix,Lr(t.a,t.b,t.c,t.d,t.e,t.f))}function Rr(t,n,e,r){function i(c){return c.length?c.pop()+" ":""}function o(c,u,f,p,h,x){if(c!==f||u!==p){var g=h.push("translate(",null,n,null,e);x.push({i:g-4,x:ct(c,f)},{i:g-2,x:ct(u,p)})}else(f||p)&&h.push("translate("+f+n+p+e)}function a(c,u,f,p){c!==u?(c-u>180?u+=360:u-c>180&&(c+=360),p.push({i:f.push(i(f)+"rotate(",null,r)-2,x:ct(c,u)})):u&&f.push(i(f)+"rotate("+u+r)}function s(c,u,f,p){c!==u?p.push({i:f.push(i(f)+"skewX(",null,r)-2,x:ct(c,u)}):u&&f.push(i(f)+"skewX("+u+r)}function l(c,u,f,p,h,x){if(c!==f||u!==p){var g=h.push(i(h)+"scale(",null,",",null,")");x.push({i:g-4,x:ct(c,f)},{i:g-2,x:ct(u,p)})}else(f!==1||p!==1)&&h.push(i(h)+"scale("+f+","+p+")")}return function(c,u){var f=[],p=[];return c=t(c),u=t(u),o(c.translateX,c.translateY,u.translateX,u.translateY,f,p),a(c.rotate,u.rotate,f,p),s(c.skewX,u.skewX,f,p),l(c.scaleX,c.scaleY,u.scaleX,u.scaleY,f,p),c=u=null,function(h){for(var x=-1,g=p.length,w;++x<g;)f[(w=p[x]).i]=w.x(h);return f.join("")}}}var Pr=Rr(qa,"px, ","px)","deg)"),Dr=Rr(Xa,", ",")",")"),Va=1e-12;function Tr(t){return((t=Math.exp(t))+1/t)/2}function Ha(t){return((t=Math.exp(t))-1/t)/2}function Ya(t){return((t=Math.exp(2*t))-1)/(t+1)}var Br=(function t(n,e,r){function i(o,a){var s=o[0],l=o[1],c=o[2],u=a[0],f=a[1],p=a[2],h=u-s,x=f-l,g=h*h+x*x,w,v;if(g<Va)v=Math.log(p/c)/n,w=function(P){return[s+P*h,l+P*x,c*Math.exp(n*P*v)]};else{var k=Math.sqrt(g),T=(p*p-c*c+r*g)/(2*c*e*k),A=(p*p-c*c-r*g)/(2*p*e*k),z=Math.log(Math.sqrt(T*T+1)-T),O=Math.log(Math.sqrt(A*A+1)-A);v=(O-z)/n,w=function(P){var L=P*v,B=Tr(z),R=c/(e*k)*(B*Ya(n*L+z)-Ha(z));return[s+R*h,l+R*x,c*B/Tr(n*L+z)]}}return w.duration=Math.abs(v)*1e3*n/Math.SQRT2,w}return i.rho=function(o){var a=Math.max(.001,+o),s=a*a,l=s*s;return t(a,s,l)},i})(Math.SQRT2,2,4);function Fr(t){return function(n,e){var r=t((n=yn(n)).h,(e=yn(e)).h),i=W(n.s,e.s),o=W(n.l,e.l),a=W(n.opacity,e.opacity);return function(s){return n.h=r(s),n.s=i(s),n.l=o(s),n.opacity=a(s),n+""}}}var qu=Fr(le),Xu=Fr(W);function qr(t){return function(n,e){var r=t((n=vn(n)).h,(e=vn(e)).h),i=W(n.c,e.c),o=W(n.l,e.l),a=W(n.opacity,e.opacity);return function(s){return n.h=r(s),n.c=i(s),n.l=o(s),n.opacity=a(s),n+""}}}var Vu=qr(le),Hu=qr(W);function Xr(t){return(function n(e){e=+e;function r(i,o){var a=t((i=xn(i)).h,(o=xn(o)).h),s=W(i.s,o.s),l=W(i.l,o.l),c=W(i.opacity,o.opacity);return function(u){return i.h=a(u),i.s=s(u),i.l=l(Math.pow(u,e)),i.opacity=c(u),i+""}}return r.gamma=n,r})(1)}var Yu=Xr(le),ju=Xr(W);function Hr(t){return((t*=2)<=1?t*t*t:(t-=2)*t*t+2)/2}var fe=3,Ju=(function t(n){n=+n;function e(r){return Math.pow(r,n)}return e.exponent=t,e})(fe),Wu=(function t(n){n=+n;function e(r){return 1-Math.pow(1-r,n)}return e.exponent=t,e})(fe),Ku=(function t(n){n=+n;function e(r){return((r*=2)<=1?Math.pow(r,n):2-Math.pow(2-r,n))/2}return e.exponent=t,e})(fe),ja=Math.PI,Uu=ja/2;function bn(t){return(Math.pow(2,-10*t)-.0009765625)*1.0009775171065494}var Vr=4/11,Zu=6/11,Qu=8/11,tl=3/4,nl=9/11,el=10/11,rl=15/16,il=21/22,ol=63/64,al=1/Vr/Vr;var he=1.70158,sl=(function t(n){n=+n;function e(r){return(r=+r)*r*(n*(r-1)+r)}return e.overshoot=t,e})(he),ul=(function t(n){n=+n;function e(r){return--r*r*((r+1)*n+r)+1}return e.overshoot=t,e})(he),ll=(function t(n){n=+n;function e(r){return((r*=2)<1?r*r*((n+1)*r-n):(r-=2)*r*((n+1)*r+n)+2)/2}return e.overshoot=t,e})(he),Ot=2*Math.PI,de=1,pe=.3,cl=(function t(n,e){var r=Math.asin(1/(n=Math.max(1,n)))*(e/=Ot);function i(o){return n*bn(- --o)*Math.sin((r-o)/e)}return i.amplitude=function(o){return t(o,e*Ot)},i.period=function(o){return t(n,o)},i})(de,pe),fl=(function t(n,e){var r=Math.asin(1/(n=Math.max(1,n)))*(e/=Ot);function i(o){return 1-n*bn(o=+o)*Math.sin((o+r)/e)}return i.amplitude=function(o){return t(o,e*Ot)},i.period=function(o){return t(n,o)},i})(de,pe),hl=(function t(n,e){var r=Math.asin(1/(n=Math.max(1,n)))*(e/=Ot);function i(o){return((o=o*2-1)<0?n*bn(-o)*Math.sin((r-o)/e):2-n*bn(o)*Math.sin((r+o)/e))/2}return i.amplitude=function(o){return t(o,e*Ot)},i.period=function(o){return t(n,o)},i})(de,pe);var Ga=yt("start","end","cancel","interrupt"),Ja=[],Gr=0,Yr=1,ge=2,Mn=3,jr=4,me=5,kn=6;function Nn(t,n,e,r,i,o){var a=t.__transition;if(!a)t.__transition={};else if(e in a)return;Wa(t,e,{name:n,index:r,group:i,on:Ga,tween:Ja,time:o.time,delay:o.delay,duration:o.duration,ease:o.ease,timer:null,state:Gr})}function ye(t,n){var e=et(t,n);if(e.state>Gr)throw new Error("too late; already scheduled");return e}function ot(t,n){var e=et(t,n);if(e.state>Mn)throw new Error("too late; already running");return e}function et(t,n){var e=t.__transition;if(!e||!(e=e[n]))throw new Error("transition not found");return e}function Wa(t,n,e){var r=t.__transition,i;r[n]=e,e.timer=Xt(o,0,e.time);function o(c){e.state=Yr,e.timer.restart(a,e.delay,e.time),e.delay<=c&&a(c-e.delay)}function a(c){var u,f,p,h;if(e.state!==Yr)return l();for(u in r)if(h=r[u],h.name===e.name){if(h.state===Mn)return Vn(a);h.state===jr?(h.state=kn,h.timer.stop(),h.on.call("interrupt",t,t.__data__,h.index,h.group),delete r[u]):+u<n&&(h.state=kn,h.timer.stop(),h.on.call("cancel",t,t.__data__,h.index,h.group),delete r[u])}if(Vn(function(){e.state===Mn&&(e.state=jr,e.timer.restart(s,e.delay,e.time),s(c))}),e.state=ge,e.on.call("start",t,t.__data__,e.index,e.group),e.state===ge){for(e.state=Mn,i=new Array(p=e.tween.length),u=0,f=-1;u<p;++u)(h=e.tween[u].value.call(t,t.__data__,e.index,e.group))&&(i[++f]=h);i.length=f+1}}function s(c){for(var u=c<e.duration?e.ease.call(null,c/e.duration):(e.timer.restart(l),e.state=me,1),f=-1,p=i.length;++f<p;)i[f].call(t,u);e.state===me&&(e.on.call("end",t,t.__data__,e.index,e.group),l())}function l(){e.state=kn,e.timer.stop(),delete r[n];for(var c in r)return;delete t.__transition}}function Jt(t,n){var e=t.__transition,r,i,o=!0,a;if(e){n=n==null?null:n+"";for(a in e){if((r=e[a]).name!==n){o=!1;continue}i=r.state>ge&&r.state<me,r.state=kn,r.timer.stop(),r.on.call(i?"interrupt":"cancel",t,t.__data__,r.index,r.group),delete e[a]}o&&delete t.__transition}}function Ka(t){return this.each(function(){Jt(this,t)})}function Ua(t,n){var e,r;return function(){var i=ot(this,t),o=i.tween;if(o!==e){r=e=o;for(var a=0,s=r.length;a<s;++a)if(r[a].name===n){r=r.slice(),r.splice(a,1);break}}i.tween=r}}function Za(t,n,e){var r,i;if(typeof e!="function")throw new Error;return function(){var o=ot(this,t),a=o.tween;if(a!==r){i=(r=a).slice();for(var s={name:n,value:e},l=0,c=i.length;l<c;++l)if(i[l].name===n){i[l]=s;break}l===c&&i.push(s)}o.tween=i}}function Qa(t,n){var e=this._id;if(t+="",arguments.length<2){for(var r=et(this.node(),e).tween,i=0,o=r.length,a;i<o;++i)if((a=r[i]).name===t)return a.value;return null}return this.each((n==null?Ua:Za)(e,t,n))}function ve(t,n,e){var r=t._id;return t.each(function(){var i=ot(this,r);(i.value||(i.value={}))[n]=e.apply(this,arguments)}),function(i){return et(i,r).value[n]}}function Jr(t,n){var e;return(typeof n=="number"?ct:n instanceof Nt?ce:(e=Nt(n))?(n=e,ce):Or)(t,n)}function ts(t){return function(){this.removeAttribute(t)}}function ns(t){return function(){this.removeAttributeNS(t.space,t.local)}}function es(t,n,e){var r,i=e+"",o;return function(){var a=this.getAttribute(t);return a===i?null:a===r?o:o=n(r=a,e)}}function rs(t,n,e){var r,i=e+"",o;return function(){var a=this.getAttributeNS(t.space,t.local);return a===i?null:a===r?o:o=n(r=a,e)}}function is(t,n,e){var r,i,o;return function(){var a,s=e(this),l;return s==null?void this.removeAttribute(t):(a=this.getAttribute(t),l=s+"",a===l?null:a===r&&l===i?o:(i=l,o=n(r=a,s)))}}function os(t,n,e){var r,i,o;return function(){var a,s=e(this),l;return s==null?void this.removeAttributeNS(t.space,t.local):(a=this.getAttributeNS(t.space,t.local),l=s+"",a===l?null:a===r&&l===i?o:(i=l,o=n(r=a,s)))}}function as(t,n){var e=Vt(t),r=e==="transform"?Dr:Jr;return this.attrTween(t,typeof n=="function"?(e.local?os:is)(e,r,ve(this,"attr."+t,n)):n==null?(e.local?ns:ts)(e):(e.local?rs:es)(e,r,n))}function ss(t,n){return function(e){this.setAttribute(t,n.call(this,e))}}function us(t,n){return function(e){this.setAttributeNS(t.space,t.local,n.call(this,e))}}function ls(t,n){var e,r;function i(){var o=n.apply(this,arguments);return o!==r&&(e=(r=o)&&us(t,o)),e}return i._value=n,i}function cs(t,n){var e,r;function i(){var o=n.apply(this,arguments);return o!==r&&(e=(r=o)&&ss(t,o)),e}return i._value=n,i}function fs(t,n){var e="attr."+t;if(arguments.length<2)return(e=this.tween(e))&&e._value;if(n==null)return this.tween(e,null);if(typeof n!="function")throw new Error;var r=Vt(t);return this.tween(e,(r.local?ls:cs)(r,n))}function hs(t,n){return function(){ye(this,t).delay=+n.apply(this,arguments)}}function ds(t,n){return n=+n,function(){ye(this,t).delay=n}}function ps(t){var n=this._id;return arguments.length?this.each((typeof t=="function"?hs:ds)(n,t)):et(this.node(),n).delay}function gs(t,n){return function(){ot(this,t).duration=+n.apply(this,arguments)}}function ms(t,n){return n=+n,function(){ot(this,t).duration=n}}function ys(t){var n=this._id;return arguments.length?this.each((typeof t=="function"?gs:ms)(n,t)):et(this.node(),n).duration}function vs(t,n){if(typeof n!="function")throw new Error;return function(){ot(this,t).ease=n}}function ws(t){var n=this._id;return arguments.length?this.each(vs(n,t)):et(this.node(),n).ease}function xs(t,n){return function(){var e=n.apply(this,arguments);if(typeof e!="function")throw new Error;ot(this,t).ease=e}}function _s(t){if(typeof t!="function")throw new Error;return this.each(xs(this._id,t))}function bs(t){typeof t!="function"&&(t=Gn(t));for(var n=this._groups,e=n.length,r=new Array(e),i=0;i<e;++i)for(var o=n[i],a=o.length,s=r[i]=[],l,c=0;c<a;++c)(l=o[c])&&t.call(l,l.__data__,c,o)&&s.push(l);return new ht(r,this._parents,this._name,this._id)}function Ms(t){if(t._id!==this._id)throw new Error;for(var n=this._groups,e=t._groups,r=n.length,i=e.length,o=Math.min(r,i),a=new Array(r),s=0;s<o;++s)for(var l=n[s],c=e[s],u=l.length,f=a[s]=new Array(u),p,h=0;h<u;++h)(p=l[h]||c[h])&&(f[h]=p);for(;s<r;++s)a[s]=n[s];return new ht(a,this._parents,this._name,this._id)}function ks(t){return(t+"").trim().split(/^|\s+/).every(function(n){var e=n.indexOf(".");return e>=0&&(n=n.slice(0,e)),!n||n==="start"})}function Ns(t,n,e){var r,i,o=ks(n)?ye:ot;return function(){var a=o(this,t),s=a.on;s!==r&&(i=(r=s).copy()).on(n,e),a.on=i}}function As(t,n){var e=this._id;return arguments.length<2?et(this.node(),e).on.on(t):this.each(Ns(e,t,n))}function Es(t){return function(){var n=this.parentNode;for(var e in this.__transition)if(+e!==t)return;n&&n.removeChild(this)}}function $s(){return this.on("end.remove",Es(this._id))}function Ss(t){var n=this._name,e=this._id;typeof t!="function"&&(t=hn(t));for(var r=this._groups,i=r.length,o=new Array(i),a=0;a<i;++a)for(var s=r[a],l=s.length,c=o[a]=new Array(l),u,f,p=0;p<l;++p)(u=s[p])&&(f=t.call(u,u.__data__,p,s))&&("__data__"in u&&(f.__data__=u.__data__),c[p]=f,Nn(c[p],n,e,p,c,et(u,e)));return new ht(o,this._parents,n,e)}function Ts(t){var n=this._name,e=this._id;typeof t!="function"&&(t=jn(t));for(var r=this._groups,i=r.length,o=[],a=[],s=0;s<i;++s)for(var l=r[s],c=l.length,u,f=0;f<c;++f)if(u=l[f]){for(var p=t.call(u,u.__data__,f,l),h,x=et(u,e),g=0,w=p.length;g<w;++g)(h=p[g])&&Nn(h,n,e,g,p,x);o.push(p),a.push(u)}return new ht(o,a,n,e)}var Cs=xt.prototype.constructor;function zs(){return new Cs(this._groups,this._parents)}function Is(t,n){var e,r,i;return function(){var o=wt(this,t),a=(this.style.removeProperty(t),wt(this,t));return o===a?null:o===e&&a===r?i:i=n(e=o,r=a)}}function Wr(t){return function(){this.style.removeProperty(t)}}function Os(t,n,e){var r,i=e+"",o;return function(){var a=wt(this,t);return a===i?null:a===r?o:o=n(r=a,e)}}function Ls(t,n,e){var r,i,o;return function(){var a=wt(this,t),s=e(this),l=s+"";return s==null&&(l=s=(this.style.removeProperty(t),wt(this,t))),a===l?null:a===r&&l===i?o:(i=l,o=n(r=a,s))}}function Rs(t,n){var e,r,i,o="style."+n,a="end."+o,s;return function(){var l=ot(this,t),c=l.on,u=l.value[o]==null?s||(s=Wr(n)):void 0;(c!==e||i!==u)&&(r=(e=c).copy()).on(a,i=u),l.on=r}}function Ps(t,n,e){var r=(t+="")=="transform"?Pr:Jr;return n==null?this.styleTween(t,Is(t,r)).on("end.style."+t,Wr(t)):typeof n=="function"?this.styleTween(t,Ls(t,r,ve(this,"style."+t,n))).each(Rs(this._id,t)):this.styleTween(t,Os(t,r,n),e).on("end.style."+t,null)}function Ds(t,n,e){return function(r){this.style.setProperty(t,n.call(this,r),e)}}function Bs(t,n,e){var r,i;function o(){var a=n.apply(this,arguments);return a!==i&&(r=(i=a)&&Ds(t,a,e)),r}return o._value=n,o}function Fs(t,n,e){var r="style."+(t+="");if(arguments.length<2)return(r=this.tween(r))&&r._value;if(n==null)return this.tween(r,null);if(typeof n!="function")throw new Error;return this.tween(r,Bs(t,n,e??""))}function qs(t){return function(){this.textContent=t}}function Xs(t){return function(){var n=t(this);this.textContent=n??""}}function Vs(t){return this.tween("text",typeof t=="function"?Xs(ve(this,"text",t)):qs(t==null?"":t+""))}function Hs(t){return function(n){this.textContent=t.call(this,n)}}function Ys(t){var n,e;function r(){var i=t.apply(this,arguments);return i!==e&&(n=(e=i)&&Hs(i)),n}return r._value=t,r}function js(t){var n="text";if(arguments.length<1)return(n=this.tween(n))&&n._value;if(t==null)return this.tween(n,null);if(typeof t!="function")throw new Error;return this.tween(n,Ys(t))}function Gs(){for(var t=this._name,n=this._id,e=Kr(),r=this._groups,i=r.length,o=0;o<i;++o)for(var a=r[o],s=a.length,l,c=0;c<s;++c)if(l=a[c]){var u=et(l,n);Nn(l,t,e,c,a,{time:u.time+u.delay+u.duration,delay:0,duration:u.duration,ease:u.ease})}return new ht(r,this._parents,t,e)}function Js(){var t,n,e=this,r=e._id,i=e.size();return new Promise(function(o,a){var s={value:a},l={value:function(){--i===0&&o()}};e.each(function(){var c=ot(this,r),u=c.on;u!==t&&(n=(t=u).copy(),n._.cancel.push(s),n._.interrupt.push(s),n._.end.push(l)),c.on=n}),i===0&&o()})}var Ws=0;function ht(t,n,e,r){this._groups=t,this._parents=n,this._name=e,this._id=r}function Ks(t){return xt().transition(t)}function Kr(){return++Ws}var ft=xt.prototype;ht.prototype=Ks.prototype={constructor:ht,select:Ss,selectAll:Ts,selectChild:ft.selectChild,selectChildren:ft.selectChildren,filter:bs,merge:Ms,selection:zs,transition:Gs,call:ft.call,nodes:ft.nodes,node:ft.node,size:ft.size,empty:ft.empty,each:ft.each,on:As,attr:as,attrTween:fs,style:Ps,styleTween:Fs,text:Vs,textTween:js,remove:$s,tween:Qa,delay:ps,duration:ys,ease:ws,easeVarying:_s,end:Js,[Symbol.iterator]:ft[Symbol.iterator]};var Us={time:null,delay:0,duration:250,ease:Hr};function Zs(t,n){for(var e;!(e=t.__transition)||!(e=e[n]);)if(!(t=t.parentNode))throw new Error(`transition ${n} not found`);return e}function Qs(t){var n,e;t instanceof ht?(n=t._id,t=t._name):(n=Kr(),(e=Us).time=cn(),t=t==null?null:t+"");for(var r=this._groups,i=r.length,o=0;o<i;++o)for(var a=r[o],s=a.length,l,c=0;c<s;++c)(l=a[c])&&Nn(l,t,n,c,a,e||Zs(l,n));return new ht(r,this._parents,t,n)}xt.prototype.interrupt=Ka;xt.prototype.transition=Qs;var An=t=>()=>t;function tu(t,{sourceEvent:n,target:e,transform:r,dispatch:i}){Object.defineProperties(this,{type:{value:t,enumerable:!0,configurable:!0},sourceEvent:{value:n,enumerable:!0,configurable:!0},target:{value:e,enumerable:!0,configurable:!0},transform:{value:r,enumerable:!0,configurable:!0},_:{value:i}})}function dt(t,n,e){this.k=t,this.x=n,this.y=e}dt.prototype={constructor:dt,scale:function(t){return t===1?this:new dt(this.k*t,this.x,this.y)},translate:function(t,n){return t===0&n===0?this:new dt(this.k,this.x+this.k*t,this.y+this.k*n)},apply:function(t){return[t[0]*this.k+this.x,t[1]*this.k+this.y]},applyX:function(t){return t*this.k+this.x},applyY:function(t){return t*this.k+this.y},invert:function(t){return[(t[0]-this.x)/this.k,(t[1]-this.y)/this.k]},invertX:function(t){return(t-this.x)/this.k},invertY:function(t){return(t-this.y)/this.k},rescaleX:function(t){return t.copy().domain(t.range().map(this.invertX,this).map(t.invert,t))},rescaleY:function(t){return t.copy().domain(t.range().map(this.invertY,this).map(t.invert,t))},toString:function(){return"translate("+this.x+","+this.y+") scale("+this.k+")"}};var mt=new dt(1,0,0);nu.prototype=dt.prototype;function nu(t){for(;!t.__zoom;)if(!(t=t.parentNode))return mt;return t.__zoom}function we(t){t.stopImmediatePropagation()}function Wt(t){t.preventDefault(),t.stopImmediatePropagation()}function eu(t){return(!t.ctrlKey||t.type==="wheel")&&!t.button}function ru(){var t=this;return t instanceof SVGElement?(t=t.ownerSVGElement||t,t.hasAttribute("viewBox")?(t=t.viewBox.baseVal,[[t.x,t.y],[t.x+t.width,t.y+t.height]]):[[0,0],[t.width.baseVal.value,t.height.baseVal.value]]):[[0,0],[t.clientWidth,t.clientHeight]]}function Ur(){return this.__zoom||mt}function iu(t){return-t.deltaY*(t.deltaMode===1?.05:t.deltaMode?1:.002)*(t.ctrlKey?10:1)}function ou(){return navigator.maxTouchPoints||"ontouchstart"in this}function au(t,n,e){var r=t.invertX(n[0][0])-e[0][0],i=t.invertX(n[1][0])-e[1][0],o=t.invertY(n[0][1])-e[0][1],a=t.invertY(n[1][1])-e[1][1];return t.translate(i>r?(r+i)/2:Math.min(0,r)||Math.max(0,i),a>o?(o+a)/2:Math.min(0,o)||Math.max(0,a))}function Zr(){var t=eu,n=ru,e=au,r=iu,i=ou,o=[0,1/0],a=[[-1/0,-1/0],[1/0,1/0]],s=250,l=Br,c=yt("start","zoom","end"),u,f,p,h=500,x=150,g=0,w=10;function v(m){m.property("__zoom",Ur).on("wheel.zoom",L,{passive:!1}).on("mousedown.zoom",B).on("dblclick.zoom",R).filter(i).on("touchstart.zoom",j).on("touchmove.zoom",F).on("touchend.zoom touchcancel.zoom",G).style("-webkit-tap-highlight-color","rgba(0,0,0,0)")}v.transform=function(m,y,d,_){var b=m.selection?m.selection():m;b.property("__zoom",Ur),m!==b?z(m,y,d,_):b.interrupt().each(function(){O(this,arguments).event(_).start().zoom(null,typeof y=="function"?y.apply(this,arguments):y).end()})},v.scaleBy=function(m,y,d,_){v.scaleTo(m,function(){var b=this.__zoom.k,E=typeof y=="function"?y.apply(this,arguments):y;return b*E},d,_)},v.scaleTo=function(m,y,d,_){v.transform(m,function(){var b=n.apply(this,arguments),E=this.__zoom,N=d==null?A(b):typeof d=="function"?d.apply(this,arguments):d,M=E.invert(N),S=typeof y=="function"?y.apply(this,arguments):y;return e(T(k(E,S),N,M),b,a)},d,_)},v.translateBy=function(m,y,d,_){v.transform(m,function(){return e(this.__zoom.translate(typeof y=="function"?y.apply(this,arguments):y,typeof d=="function"?d.apply(this,arguments):d),n.apply(this,arguments),a)},null,_)},v.translateTo=function(m,y,d,_,b){v.transform(m,function(){var E=n.apply(this,arguments),N=this.__zoom,M=_==null?A(E):typeof _=="function"?_.apply(this,arguments):_;return e(mt.translate(M[0],M[1]).scale(N.k).translate(typeof y=="function"?-y.apply(this,arguments):-y,typeof d=="function"?-d.apply(this,arguments):-d),E,a)},_,b)};function k(m,y){return y=Math.max(o[0],Math.min(o[1],y)),y===m.k?m:new dt(y,m.x,m.y)}function T(m,y,d){var _=y[0]-d[0]*m.k,b=y[1]-d[1]*m.k;return _===m.x&&b===m.y?m:new dt(m.k,_,b)}function A(m){return[(+m[0][0]+ +m[1][0])/2,(+m[0][1]+ +m[1][1])/2]}function z(m,y,d,_){m.on("start.zoom",function(){O(this,arguments).event(_).start()}).on("interrupt.zoom end.zoom",function(){O(this,arguments).event(_).end()}).tween("zoom",function(){var b=this,E=arguments,N=O(b,E).event(_),M=n.apply(b,E),S=d==null?A(M):typeof d=="function"?d.apply(b,E):d,I=Math.max(M[1][0]-M[0][0],M[1][1]-M[0][1]),D=b.__zoom,X=typeof y=="function"?y.apply(b,E):y,Q=l(D.invert(S).concat(I/D.k),X.invert(S).concat(I/X.k));return function(J){if(J===1)J=X;else{var tt=Q(J),$t=I/tt[2];J=new dt($t,S[0]-tt[0]*$t,S[1]-tt[1]*$t)}N.zoom(null,J)}})}function O(m,y,d){return!d&&m.__zooming||new P(m,y)}function P(m,y){this.that=m,this.args=y,this.active=0,this.sourceEvent=null,this.extent=n.apply(m,y),this.taps=0}P.prototype={event:function(m){return m&&(this.sourceEvent=m),this},start:function(){return++this.active===1&&(this.that.__zooming=this,this.emit("start")),this},zoom:function(m,y){return this.mouse&&m!=="mouse"&&(this.mouse[1]=y.invert(this.mouse[0])),this.touch0&&m!=="touch"&&(this.touch0[1]=y.invert(this.touch0[0])),this.touch1&&m!=="touch"&&(this.touch1[1]=y.invert(this.touch1[0])),this.that.__zoom=y,this.emit("zoom"),this},end:function(){return--this.active===0&&(delete this.that.__zooming,this.emit("end")),this},emit:function(m){var y=Z(this.that).datum();c.call(m,this.that,new tu(m,{sourceEvent:this.sourceEvent,target:v,transform:this.that.__zoom,dispatch:c}),y)}};function L(m,...y){if(!t.apply(this,arguments))return;var d=O(this,y).event(m),_=this.__zoom,b=Math.max(o[0],Math.min(o[1],_.k*Math.pow(2,r.apply(this,arguments)))),E=ut(m);if(d.wheel)(d.mouse[0][0]!==E[0]||d.mouse[0][1]!==E[1])&&(d.mouse[1]=_.invert(d.mouse[0]=E)),clearTimeout(d.wheel);else{if(_.k===b)return;d.mouse=[E,_.invert(E)],Jt(this),d.start()}Wt(m),d.wheel=setTimeout(N,x),d.zoom("mouse",e(T(k(_,b),d.mouse[0],d.mouse[1]),d.extent,a));function N(){d.wheel=null,d.end()}}function B(m,...y){if(p||!t.apply(this,arguments))return;var d=m.currentTarget,_=O(this,y,!0).event(m),b=Z(m.view).on("mousemove.zoom",S,!0).on("mouseup.zoom",I,!0),E=ut(m,d),N=m.clientX,M=m.clientY;ir(m.view),we(m),_.mouse=[E,this.__zoom.invert(E)],Jt(this),_.start();function S(D){if(Wt(D),!_.moved){var X=D.clientX-N,Q=D.clientY-M;_.moved=X*X+Q*Q>g}_.event(D).zoom("mouse",e(T(_.that.__zoom,_.mouse[0]=ut(D,d),_.mouse[1]),_.extent,a))}function I(D){b.on("mousemove.zoom mouseup.zoom",null),or(D.view,_.moved),Wt(D),_.event(D).end()}}function R(m,...y){if(t.apply(this,arguments)){var d=this.__zoom,_=ut(m.changedTouches?m.changedTouches[0]:m,this),b=d.invert(_),E=d.k*(m.shiftKey?.5:2),N=e(T(k(d,E),_,b),n.apply(this,y),a);Wt(m),s>0?Z(this).transition().duration(s).call(z,N,_,m):Z(this).call(v.transform,N,_,m)}}function j(m,...y){if(t.apply(this,arguments)){var d=m.touches,_=d.length,b=O(this,y,m.changedTouches.length===_).event(m),E,N,M,S;for(we(m),N=0;N<_;++N)M=d[N],S=ut(M,this),S=[S,this.__zoom.invert(S),M.identifier],b.touch0?!b.touch1&&b.touch0[2]!==S[2]&&(b.touch1=S,b.taps=0):(b.touch0=S,E=!0,b.taps=1+!!u);u&&(u=clearTimeout(u)),E&&(b.taps<2&&(f=S[0],u=setTimeout(function(){u=null},h)),Jt(this),b.start())}}function F(m,...y){if(this.__zooming){var d=O(this,y).event(m),_=m.changedTouches,b=_.length,E,N,M,S;for(Wt(m),E=0;E<b;++E)N=_[E],M=ut(N,this),d.touch0&&d.touch0[2]===N.identifier?d.touch0[0]=M:d.touch1&&d.touch1[2]===N.identifier&&(d.touch1[0]=M);if(N=d.that.__zoom,d.touch1){var I=d.touch0[0],D=d.touch0[1],X=d.touch1[0],Q=d.touch1[1],J=(J=X[0]-I[0])*J+(J=X[1]-I[1])*J,tt=(tt=Q[0]-D[0])*tt+(tt=Q[1]-D[1])*tt;N=k(N,Math.sqrt(J/tt)),M=[(I[0]+X[0])/2,(I[1]+X[1])/2],S=[(D[0]+Q[0])/2,(D[1]+Q[1])/2]}else if(d.touch0)M=d.touch0[0],S=d.touch0[1];else return;d.zoom("touch",e(T(N,M,S),d.extent,a))}}function G(m,...y){if(this.__zooming){var d=O(this,y).event(m),_=m.changedTouches,b=_.length,E,N;for(we(m),p&&clearTimeout(p),p=setTimeout(function(){p=null},h),E=0;E<b;++E)N=_[E],d.touch0&&d.touch0[2]===N.identifier?delete d.touch0:d.touch1&&d.touch1[2]===N.identifier&&delete d.touch1;if(d.touch1&&!d.touch0&&(d.touch0=d.touch1,delete d.touch1),d.touch0)d.touch0[1]=this.__zoom.invert(d.touch0[0]);else if(d.end(),d.taps===2&&(N=ut(N,this),Math.hypot(f[0]-N[0],f[1]-N[1])<w)){var M=Z(this).on("dblclick.zoom");M&&M.apply(this,arguments)}}}return v.wheelDelta=function(m){return arguments.length?(r=typeof m=="function"?m:An(+m),v):r},v.filter=function(m){return arguments.length?(t=typeof m=="function"?m:An(!!m),v):t},v.touchable=function(m){return arguments.length?(i=typeof m=="function"?m:An(!!m),v):i},v.extent=function(m){return arguments.length?(n=typeof m=="function"?m:An([[+m[0][0],+m[0][1]],[+m[1][0],+m[1][1]]]),v):n},v.scaleExtent=function(m){return arguments.length?(o[0]=+m[0],o[1]=+m[1],v):[o[0],o[1]]},v.translateExtent=function(m){return arguments.length?(a[0][0]=+m[0][0],a[1][0]=+m[1][0],a[0][1]=+m[0][1],a[1][1]=+m[1][1],v):[[a[0][0],a[0][1]],[a[1][0],a[1][1]]]},v.constrain=function(m){return arguments.length?(e=m,v):e},v.duration=function(m){return arguments.length?(s=+m,v):s},v.interpolate=function(m){return arguments.length?(l=m,v):l},v.on=function(){var m=c.on.apply(c,arguments);return m===c?v:m},v.clickDistance=function(m){return arguments.length?(g=(m=+m)*m,v):Math.sqrt(g)},v.tapDistance=function(m){return arguments.length?(w=+m,v):w},v}var xe=11,_e=2;function be(t,{onClick:n=null,describe:e=o=>o.label??String(o.id),tooltip:r=null,collide:i=!1}={}){let o=t.getContext("2d"),a=[],s=[],l=new Map,c=!1,u=mt,f=null,p=0,h=null,x=0,g=0,w=!1,v=0,k=[],T=()=>{let y=t.getBoundingClientRect(),d=window.devicePixelRatio||1;x=Math.max(1,y.width),g=Math.max(1,y.height),t.width=Math.round(x*d),t.height=Math.round(g*d),o.setTransform(d,0,0,d,0,0),F()},A=(y,d)=>[x/2+u.x+y*u.k,g/2+u.y+d*u.k],z=y=>y.group?O(y):y.r;function O(y){let d=y.r;for(let _ of y.group){let b=l.get(_);b&&(d=Math.max(d,Math.hypot(b.x-y.x,b.y-y.y)+z(b)+4))}return d}function P(){let y=[],d=_=>{for(let b of y){let[E,N,M]=[0,0,0];for(let S of b.group){let I=l.get(S);I&&([E,N,M]=[E+I.x,N+I.y,M+1])}M&&([b.x,b.y,b.vx,b.vy]=[E/M,N/M,0,0])}for(let b of y){let E=O(b);for(let N of a){if(N.group||b.inside.has(N.id))continue;let M=N.x-b.x,S=N.y-b.y,I=Math.hypot(M,S)||1e-6,D=E+N.r+4;if(I<D){let X=(D-I)/I*_*.5;N.vx+=M*X,N.vy+=S*X}}}};return d.initialize=_=>{y=_.filter(b=>b.group);for(let b of y){b.inside=new Set;let E=[...b.group];for(;E.length;){let N=E.pop();b.inside.add(N);let M=l.get(N);M?.group&&E.push(...M.group)}}y.sort((b,E)=>b.inside.size-E.inside.size)},d}function L(y,d){let _=y.source,b=y.target,E=b.x-_.x,N=b.y-_.y,M=Math.hypot(E,N);if(M<1e-9)return;let S=E/M,I=N/M,D=(y.width??1)/Math.sqrt(u.k),X=c?D/2+1/u.k:0,Q=-I*X,J=S*X,tt=_.x+S*z(_)+Q,$t=_.y+I*z(_)+J,st=c?Math.min(M/3,4/u.k+2.2*D):0,Rt=b.x-S*z(b)+Q,Pt=b.y-I*z(b)+J;if(d){o.moveTo(tt,$t),o.lineTo(Rt-S*st,Pt-I*st);return}if(o.beginPath(),o.moveTo(tt,$t),o.lineTo(Rt-S*st*.9,Pt-I*st*.9),o.strokeStyle=y.color??"rgba(90, 90, 110, 0.45)",o.lineWidth=D,o.stroke(),c){let nn=st*.55;o.beginPath(),o.moveTo(Rt,Pt),o.lineTo(Rt-S*st-I*nn,Pt-I*st+S*nn),o.lineTo(Rt-S*st+I*nn,Pt-I*st-S*nn),o.closePath(),o.fillStyle=y.color??"rgba(70, 70, 90, 0.7)",o.fill()}}function B(){if(k=[],a.length>3e3)return;o.font=`${xe}px system-ui, sans-serif`;let y=a.filter(d=>d.label&&!d.group).sort((d,_)=>d===f?-1:_===f?1:(d.labelRank??0)-(_.labelRank??0));for(let d of y){let[_,b]=A(d.x,d.y),E=o.measureText(d.label).width,N={id:d.id,text:d.label,x0:_-E/2-_e,x1:_+E/2+_e,y1:b-d.r*u.k-2,y0:b-d.r*u.k-2-xe-_e};N.x1<0||N.x0>x||N.y1<0||N.y0>g||k.some(M=>M.x0<N.x1&&N.x0<M.x1&&M.y0<N.y1&&N.y0<M.y1)||k.push(N)}}let R=()=>{p=0,o.save(),o.clearRect(0,0,x,g),o.translate(x/2+u.x,g/2+u.y),o.scale(u.k,u.k);for(let _ of a)_.group&&(o.beginPath(),o.arc(_.x,_.y,O(_),0,2*Math.PI),o.fillStyle=_.fill??"rgba(120, 130, 150, 0.08)",o.fill(),o.lineWidth=(_===f?2:1)/u.k,o.strokeStyle=_.color,o.stroke());let y=s.filter(_=>!_.hidden),d=y.length>2e3;if(o.lineCap="round",d){o.beginPath();for(let _ of y)L(_,!0);o.strokeStyle="rgba(90, 90, 110, 0.18)",o.lineWidth=.6/u.k,o.stroke()}else for(let _ of y)L(_,!1);for(let _ of a)_.group||(o.beginPath(),o.arc(_.x,_.y,_.r,0,2*Math.PI),o.fillStyle=_.color,o.fill(),(_===f||_.outline)&&(o.lineWidth=2/u.k,o.strokeStyle="#111",o.stroke()));o.restore(),B(),o.save(),o.font=`${xe}px system-ui, sans-serif`,o.textAlign="center",o.textBaseline="bottom";for(let _ of k){let b=(_.x0+_.x1)/2;o.fillStyle="rgba(255, 255, 255, 0.75)",o.fillRect(_.x0,_.y0,_.x1-_.x0,_.y1-_.y0),o.fillStyle="#222",o.fillText(_.text,b,_.y1-1)}o.restore(),t.dataset.labels=String(k.length)};function j(){if(!a.length)return;let[y,d,_,b]=[1/0,1/0,-1/0,-1/0];for(let S of a){let I=z(S);y=Math.min(y,S.x-I),d=Math.min(d,S.y-I),_=Math.max(_,S.x+I),b=Math.max(b,S.y+I)}let E=Math.min(3,Math.max(.05,Math.min(x/(_-y+40),g/(b-d+40)))),N=(y+_)/2,M=(d+b)/2;Z(t).call(m.transform,mt.translate(-N*E,-M*E).scale(E))}function F(){p||(p=requestAnimationFrame(R))}let G=y=>{let d=t.getBoundingClientRect(),[_,b]=u.invert([y.clientX-d.left-x/2,y.clientY-d.top-g/2]),E=null,N=1/0;for(let S of a){if(S.group)continue;let I=Math.hypot(S.x-_,S.y-b)-S.r;I<N&&(N=I,E=S)}if(E&&N<=6/u.k)return E;let M=null;for(let S of a)S.group&&Math.hypot(S.x-_,S.y-b)<=O(S)&&(!M||O(S)<O(M))&&(M=S);return M},m=Zr().scaleExtent([.05,20]).on("zoom",y=>{u=y.transform,y.sourceEvent&&(w=!0),F()});return Z(t).call(m).on("dblclick.zoom",null),t.addEventListener("mousemove",y=>{let d=G(y);d!==f&&(f=d,t.style.cursor=d&&n?"pointer":"default",t.dataset.hovered=d?String(d.id):"",F()),r&&(d?(r.textContent=e(d),r.style.left=`${y.offsetX+14}px`,r.style.top=`${y.offsetY+10}px`,r.hidden=!1):r.hidden=!0)}),t.addEventListener("mouseleave",()=>{f=null,t.dataset.hovered="",r&&(r.hidden=!0),F()}),t.addEventListener("click",y=>{let d=G(y);d&&n&&n(d)}),new ResizeObserver(T).observe(t),T(),{setData(y,d,{keepPositions:_=null,directed:b=!1}={}){h?.stop();let E=10*Math.sqrt(y.length+1);for(let M of y){let S=_?.get(M.id);M.x??(M.x=S?.x??(Math.random()-.5)*E),M.y??(M.y=S?.y??(Math.random()-.5)*E)}a=y,s=d,l=new Map(a.map(M=>[M.id,M])),c=b,f=null,t.dataset.nodes=String(a.filter(M=>!M.group).length),t.dataset.links=String(s.filter(M=>!M.hidden).length),t.dataset.directed=String(c);let N=a.length>1500;h=Ve(a).force("link",Xe(s).id(M=>M.id).distance(M=>M.distance??30).strength(M=>M.strength??.5)).force("charge",He().strength(M=>M.group?0:N?-12:-40).theta(.9).distanceMax(N?200:600)).force("x",Ye().strength(.04)).force("y",je().strength(.04)).force("collide",i?qe(M=>M.group?0:M.r+2).iterations(2):null).force("groups",a.some(M=>M.group)?P():null).alphaDecay(N?.06:.03).on("tick",()=>{v+=1,!w&&v%10===0&&j(),F()}).on("end",()=>{w||j(),t.dataset.settled="true"}),t.dataset.settled="false",v=0,_||(w=!1,u=mt,Z(t).call(m.transform,mt)),F()},positions(){return new Map(a.map(y=>[y.id,{x:y.x,y:y.y}]))},labels(){return k.map(y=>({...y}))},screenPosition(y){let d=l.get(y);return d?A(d.x,d.y):null},drawnLinks(){return s.filter(y=>!y.hidden).map(y=>({source:y.source.id??y.source,target:y.target.id??y.target,width:y.width,flow:y.flow,weight:y.weight}))},fit(){w=!1,j()},clear(){h?.stop(),a=[],s=[],l=new Map,F()}}}function ti(t){let n=[],e=new Map,r=(a,s,l)=>{let c={path:a.path,flow:a.flow,enter:a.enter??0,exit:a.exit??0,parent:s,rank:l,depth:s?s.depth+1:0,children:null};return n.push(c),e.set(c.path,c),a.children?c.children=a.children.map(u=>r(u,c,Number(String(u.path).split(":").pop()))):(c.node=a.node,c.name=a.name),c},i=r(t.tree,null,0),o=a=>{if(!a.children){a.size=1,a.leaves=[a];return}a.children.forEach(o),a.size=a.children.reduce((s,l)=>s+l.size,0),a.leaves=a.children.flatMap(s=>s.leaves)};return o(i),{root:i,all:n,byPath:e}}function En(t,n=5){return[...t.leaves].sort((e,r)=>r.flow-e.flow).slice(0,n)}var Qr=(t,n)=>t==="root"?String(n):`${t}:${n}`;function ni(t,n,e){let r=[],i=[],o=[],a=c=>{if(c.children&&(c===t.root||e.has(c.path))){o.push(c),c!==t.root&&i.push(c),c.children.forEach(a);return}r.push(c)};a(t.root);let s=new Map(n.modules.map(c=>[c.path,c.links])),l=[];for(let c of o)for(let[u,f,p]of s.get(c.path)??[])l.push({source:Qr(c.path,u),target:Qr(c.path,f),flow:p,module:c.path});return{units:r,groups:i,links:l}}var at=class extends Error{constructor(n,e){super(n),this.field=e}};function su(t,n,e,r){let i=Number(t);if(t===void 0||t===""||!Number.isFinite(i))throw new at(`line ${e}: ${n} '${t}' is not a finite number`,r);return i}var uu=t=>t.split(/\r?\n/);function ei(t){let n=t.trimStart();if(!n)throw new at("paste or upload vectors (CSV or JSON)","vectors");if(n.startsWith("{")||n.startsWith("[")){let u;try{u=JSON.parse(t)}catch(f){throw new at(`not valid JSON: ${f.message}`,"vectors")}if(Array.isArray(u)&&u.length&&!Array.isArray(u[0])&&typeof u[0]=="object")return{vectors:u.map(f=>f.vector??f.embedding),labels:u.map((f,p)=>String(f.label??p))};if(Array.isArray(u))return{vectors:u,labels:null};if(u&&Array.isArray(u.vectors))return{vectors:u.vectors,labels:Array.isArray(u.labels)?u.labels.map(String):null};throw new at('JSON: expected [[...], ...], {"vectors", "labels"} or [{"label", "vector"}]',"vectors")}let r=uu(t).map(u=>u.trim()).filter(u=>u&&!u.startsWith("#")).map(u=>u.split(/\s*[,;\t]\s*|\s+/)),i=u=>u!==""&&Number.isFinite(Number(u)),o=0;r.length&&r[0].slice(1).some(u=>!i(u))&&(o=1);let a=r.slice(o),s=a.some(u=>!i(u[0])),l=[],c=[];return a.forEach((u,f)=>{let p=s?u.slice(1):u;l.push(p.map(h=>su(h,"value",f+o+1,"vectors"))),c.push(s?u[0]:String(f))}),{vectors:l,labels:s?c:null}}var lu=5e3,cu=2e4,Me=2e3,ke=["#4e79a7","#f28e2b","#e15759","#76b7b2","#59a14f","#edc948","#b07aa1","#ff9da7","#9c755f","#bab0ac","#1f77b4","#aec7e8","#ff7f0e","#98df8a","#d62728","#c5b0d5","#8c564b","#e377c2","#7f7f7f","#bcbd22","#17becf","#393b79","#637939","#8c6d31","#843c39","#7b4173"],Lt=t=>ke[(t-1+ke.length)%ke.length],Cn=t=>Number(t).toPrecision(4),$=(t,n=document)=>n.querySelector(t),At=(t,n=document)=>[...n.querySelectorAll(t)],C={caps:{jobs:!1,jobResult:!1,vectors:!1,formats:[]},source:"network",fileName:"",upload:null,run:null,expanded:new Set,sort:{key:"flow",dir:-1}};function fu(t,n){if(!n)return"_general";let e=String(n).split(".")[0],r={links:"edges",nodes:"edges",sparse:"edges",adjacency:"edges",body:"edges",file:"edges"},i=t.id==="network-form"?r[e]??e:e==="body"?"vectors":e;return $(`.field-error[data-for="${i}"]`,t)?i:"_general"}function Zt(t,n,e){let r=fu(t,n),i=$(`.field-error[data-for="${r}"]`,t);i.textContent=e,i.classList.add("shown"),(i.previousElementSibling?.matches?.("textarea, input, label, select, div")?i.previousElementSibling:null)?.classList.add("invalid")}function Ae(t){for(let n of At(".field-error",t))n.textContent="",n.classList.remove("shown");for(let n of At(".invalid",t))n.classList.remove("invalid")}function $n(t){let n=$(t).value.trim(),e=Number(n);return n!==""&&Number.isFinite(e)?e:n}var Sn=t=>$(t).value.trim();function Ut(t,n,e="running\u2026"){$(`#${t}busy`).hidden=!n;let r=$(`#${t}busy-text`);r&&(r.textContent=e),$(t?"#vectors-run":"#run").disabled=n}function zn(t,n){let e=$(`#${t}progress`);if(e.hidden=!n,!n)return;e.max=Math.max(1,n.progress?.total??1),e.value=n.progress?.done??0,e.dataset.status=n.status;let r=$("#progress-text");!t&&r&&(r.textContent=`job ${n.id.slice(0,8)}: ${n.status}, ${e.value}/${e.max} trials`)}function hu(){let t=new FormData;if(C.upload)t.append("file",C.upload,C.upload.name);else{let e=$("#network-text").value;if(!e.trim())throw new at("paste a network, upload a file or pick an example","edges");t.append("file",new Blob([e],{type:"text/plain"}),C.fileName||"network.txt")}let n={directed:$("#directed").checked,two_level:$("#two-level").checked,num_trials:Sn("#num_trials"),seed:Sn("#seed"),markov_time:Sn("#markov_time"),teleportation_probability:Sn("#teleportation_probability"),include_tree:!0,include_module_links:!0,include_links:!0};$("#flow_model").value&&(n.flow_model=$("#flow_model").value);for(let[e,r]of Object.entries(n))t.append(e,String(r));return t}async function du(t){t?.preventDefault();let n=$("#network-form");Ae(n);let e;try{e=hu()}catch(a){if(a instanceof at)return Zt(n,a.field,a.message);throw a}let r=$("#run-mode").value,i=C.caps.jobs&&r==="job",o=performance.now();Ut("",!0,i?"submitting job\u2026":"running\u2026"),zn("",null),$("#progress-text").textContent="";try{let a,s=null;if(!i)try{a=await en("/v1/infomap/file",e)}catch(l){if(!(l instanceof K&&l.code==="too_large_for_sync"&&C.caps.jobs&&r==="auto"))throw l;i=!0}i&&(Ut("",!0,"job running\u2026"),{job:s,result:a}=await Bn("/v1/jobs/infomap/file",e,l=>zn("",l))),pu({form:e,response:a,job:s,seconds:(performance.now()-o)/1e3})}catch(a){if(!(a instanceof K))throw a;Zt(n,a.field,a.message)}finally{Ut("",!1)}}var Et,Qt;function pu({form:t,response:n,job:e,seconds:r}){let i=ti(n);C.run={form:t,response:n,tree:i,job:e},C.expanded=new Set;let o=(u,f,p)=>{let h=$(u);h.textContent=f,p!==void 0&&(h.dataset.value=String(p))};o("#codelength",n.codelength.toFixed(6),n.codelength),o("#one-level-codelength",n.one_level_codelength.toFixed(6),n.one_level_codelength),o("#savings",`${(100*n.relative_codelength_savings).toFixed(2)} %`,n.relative_codelength_savings),o("#num-levels",String(n.num_levels),n.num_levels),o("#num-modules",String(n.num_modules),n.num_modules),o("#num-nodes",String(n.num_nodes),n.num_nodes),o("#num-links",String(n.num_links),n.num_links);let a=[],s=(u,f)=>{u.children&&(f>0&&(a[f-1]=(a[f-1]??0)+1),u.children.forEach(p=>s(p,f+1)))};s(i.root,0),o("#modules-per-level",a.join(" / ")||"0");let l=n.trial_codelengths?.length??Number(t.get("num_trials")),c=n.module_links.directed?"directed flow":"undirected flow";o("#run-info",`${e?`job ${e.id.slice(0,8)}`:"synchronous"}, ${l} trial${l===1?"":"s"}, seed ${n.metadata?.seed??t.get("seed")}, ${c}, ${r.toFixed(2)} s`,e?"job":"sync"),$("#results").hidden=!1,gu(),Ee(!1),In(),vu()}function tn(t){for(;t.parent&&t.parent.parent;)t=t.parent;return t.rank}function ii(t){let n=t.map((r,i)=>[r.flow,i]).sort((r,i)=>i[0]-r[0]),e=new Array(t.length);return n.forEach(([,r],i)=>{e[r]=i}),e}function gu(){let{tree:t,response:n}=C.run,e=t.root.leaves,r=$("#network-too-large");if(e.length>cu){Et.clear(),r.hidden=!1,r.textContent=`${e.length} nodes: too many to draw here; see the module network.`;return}r.hidden=!0;let i=Math.max(...e.map(g=>g.flow),1e-300),o=e.length>2e3,a=ii(e),s=e.map((g,w)=>({id:String(g.node),r:(o?1.5:3)+(o?6:12)*Math.sqrt(g.flow/i),color:Lt(tn(g)),label:g.name,labelRank:a[w],leaf:g})),{source:l,target:c,weight:u,directed:f}=n.links,p=Math.max(...u,1e-300),h=u.every(g=>g===u[0]),x=[];for(let g=0;g<l.length;g++){let w=String(l[g]),v=String(c[g]);w!==v&&x.push({source:w,target:v,weight:u[g],width:h?1:.4+3.6*(u[g]/p)})}Et.setData(s,x,{directed:f})}function Ee(t=!0){let{tree:n,response:e}=C.run,{units:r,groups:i,links:o}=ni(n,e.module_links,C.expanded),a=Math.max(...r.map(x=>x.flow),1e-300),s=Math.max(...o.map(x=>x.flow),1e-300),l=ii(r),c=Math.max(1,Math.sqrt(r.length/12)),u=r.map((x,g)=>{let w=En(x,1)[0];return{id:x.path,r:4+28*Math.sqrt(x.flow/a)/c,color:Lt(tn(x)),outline:!!x.children,label:x.children?`${x.path} ${w?.name??""}`:x.name,labelRank:l[g],unit:x}}),f=[];for(let x of i){let g=x.children.map(w=>w.path);u.push({id:x.path,r:6,color:Lt(tn(x)),group:g,label:x.path,unit:x});for(let w of g)f.push({source:x.path,target:w,hidden:!0,distance:12,strength:.6})}let p=new Map(u.map(x=>[x.id,x.r])),h=o.map(x=>({source:x.source,target:x.target,width:.5+8*(x.flow/s),strength:.2+.8*(x.flow/s),distance:p.get(x.source)+p.get(x.target)+25,flow:x.flow}));t&&mu(u,Qt.positions()),Qt.setData(u,h.concat(f),{keepPositions:t?new Map:null,directed:e.module_links.directed}),$("#module-canvas").dataset.units=r.map(x=>x.path).join(" ")}function mu(t,n){for(let e of t){let r=n.get(e.id);for(let i=e.id;!r&&i.includes(":");)i=i.slice(0,i.lastIndexOf(":")),r=n.get(i);r||(r=[...n].find(([i])=>i.startsWith(`${e.id}:`))?.[1]),r&&(e.x=r.x+(Math.random()-.5)*20,e.y=r.y+(Math.random()-.5)*20)}}function ri(t){if(C.run.tree.byPath.get(t)?.children){if(C.expanded.has(t))for(let e of[...C.expanded])(e===t||e.startsWith(`${t}:`))&&C.expanded.delete(e);else C.expanded.add(t);Ee(!0),In()}}function Tn(t,n){return n==="flow"?t.flow:n==="size"?t.size:n==="children"?t.children?t.children.length:0:t.rank}function In(){let t=$("#modules-table tbody"),n=[],{key:e,dir:r}=C.sort,i=(s,l)=>{n.length>=Me||(n.push([s,l]),s.children&&C.expanded.has(s.path)&&[...s.children].sort((u,f)=>r*(Tn(u,e)-Tn(f,e))||u.rank-f.rank).forEach(u=>i(u,l+1)))};[...C.run.tree.root.children].sort((s,l)=>r*(Tn(s,e)-Tn(l,e))||s.rank-l.rank).forEach(s=>i(s,0));let a=n.map(([s,l])=>{let c=!!s.children,u=C.expanded.has(s.path),f=c?`<button type="button" class="expand" aria-expanded="${u}" title="${u?"collapse":"expand"}">${u?"\u25BE":"\u25B8"}</button>`:`<span class="leaf-dot" style="background:${Lt(tn(s))}"></span>`,p=c?En(s,5).map(h=>Kt(h.name)).join(", "):Kt(s.name);return`<tr data-path="${Kt(s.path)}" class="${c?"module":"node"}" data-depth="${l}"><td style="padding-left:${.4+l*1.2}em">${f} <span class="swatch" style="background:${Lt(tn(s))}"></span>${Kt(s.path)}</td><td class="num">${s.flow.toFixed(5)}</td><td class="num">${s.size}</td><td class="num">${c?s.children.length:""}</td><td>${p}</td></tr>`});t.innerHTML=a.join(""),$("#table-note").textContent=n.length>=Me?`showing the first ${Me} rows`:"";for(let s of At("#modules-table th[data-sort]"))s.setAttribute("aria-sort",s.dataset.sort===e?r<0?"descending":"ascending":"none")}function Kt(t){return String(t).replace(/[&<>"']/g,n=>({"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;","'":"&#39;"})[n])}function yu(t,n){let e=document.createElement("a");e.href=URL.createObjectURL(t),e.download=n,document.body.append(e),e.click(),e.remove(),setTimeout(()=>URL.revokeObjectURL(e.href),6e4)}function vu(){let t=$("#downloads"),n=C.run;if(t.innerHTML="",!C.caps.formats.length){t.textContent="this server offers no output formats (no format parameter on /v1/infomap/file)";return}for(let e of C.caps.formats){let r=document.createElement("button");r.type="button",r.id=`download-${e}`,r.className="button",r.textContent=e,r.title=`the ${e} file, written by the server`,r.addEventListener("click",async()=>{r.setAttribute("aria-busy","true");try{let{blob:i,name:o}=n.job?await Pn(`/v1/jobs/${n.job.id}/result?format=${e}`):await Pn(`/v1/infomap/file?format=${e}`,n.form),a=o.lastIndexOf(".");yu(i,`${C.source}${a>=0?o.slice(a):`.${e}`}`)}catch(i){if(!(i instanceof K))throw i;Zt($("#network-form"),i.field,`download: ${i.message}`)}finally{r.removeAttribute("aria-busy")}}),t.append(r)}}function wu(t){let n=Fn.find(e=>e.key===t);n&&($("#network-text").value=n.text,C.source=n.key,C.fileName=n.file,Ne(null),Ae($("#network-form")))}function Ne(t){C.upload=t;let n=$("#upload-note");n.hidden=!t,n.textContent=t?`${t.name} (${t.size.toLocaleString("en")} bytes) is sent to the server as it is; type in the box to send the text instead`:"",t&&($("#network-text").value="")}function xu(t,n){let e=t.files?.[0];if(!e)return;let r=new FileReader;r.onload=()=>n(String(r.result),e.name),r.readAsText(e)}async function _u(t){t?.preventDefault();let n=$("#vectors-form");Ae(n);let e;try{let{vectors:i,labels:o}=ei($("#vectors-text").value);e={vectors:i,...o?{labels:o}:{},top_k:$n("#top_k"),min_similarity:$n("#min_similarity"),directed:$("#v-directed").checked,two_level:$("#v-two-level").checked,num_trials:$n("#v-num_trials"),seed:$n("#v-seed")}}catch(i){if(i instanceof at)return Zt(n,i.field,i.message);throw i}let r=C.caps.vectorJobs&&e.vectors.length>lu;Ut("vectors-",!0),zn("vectors-",null);try{let i;if(!r)try{i=await en("/v1/cluster/vectors",e)}catch(o){if(!(o instanceof K&&o.code==="too_large_for_sync"&&C.caps.vectorJobs))throw o;r=!0}r&&({result:i}=await Bn("/v1/jobs",{kind:"cluster_vectors",...e},o=>zn("vectors-",o))),bu(i)}catch(i){if(!(i instanceof K))throw i;Zt(n,i.field,i.message)}finally{Ut("vectors-",!1)}}function bu(t){$("#vectors-results").hidden=!1;let n=$("#vectors-summary");n.textContent=`${t.num_clusters} clusters \xB7 codelength ${t.codelength.toFixed(6)} bits (one level ${t.one_level_codelength.toFixed(6)}, savings ${(100*t.relative_codelength_savings).toFixed(2)} %) \xB7 kNN graph: ${t.graph.nodes} nodes, ${t.graph.links} links`,n.dataset.numClusters=String(t.num_clusters);let e=$("#clusters");e.innerHTML=t.clusters.map(r=>{let i=r.members.slice(0,200).map(a=>`<li>${Kt(a)}</li>`).join(""),o=r.members.length>200?`<li class="muted">\u2026 and ${r.members.length-200} more</li>`:"";return`<li class="cluster" data-module="${r.module}"><h4><span class="swatch" style="background:${Lt(r.module)}"></span>Cluster ${r.module} \xB7 ${r.size} member${r.size===1?"":"s"} \xB7 flow ${Cn(r.flow)}</h4><ol class="members">${i}${o}</ol></li>`}).join("")}function Mu(t){for(let n of At("nav [data-tab]"))n.setAttribute("aria-selected",String(n.dataset.tab===t));$("#tab-network").hidden=t!=="network",$("#tab-vectors").hidden=t!=="vectors"}async function ku(){let t=$("#example");for(let n of Fn)t.add(new Option(n.title,n.key));t.addEventListener("change",()=>wu(t.value)),$("#network-file").addEventListener("change",n=>{let e=n.target.files?.[0];e&&(Ne(e),C.source=e.name.replace(/\.[^.]+$/,"")||"network",C.fileName=e.name,t.value="")}),$("#network-text").addEventListener("input",()=>{Ne(null),$("#network-file").value="",C.fileName="",t.value&&(C.source="network"),t.value=""}),$("#network-form").addEventListener("submit",du),$("#vectors-form").addEventListener("submit",_u),$("#vectors-example").addEventListener("click",()=>{$("#vectors-text").value=ze[0].text,$("#top_k").value="2"}),$("#vectors-file").addEventListener("change",n=>xu(n.target,e=>{$("#vectors-text").value=e}));for(let n of At("nav [data-tab]"))n.addEventListener("click",()=>Mu(n.dataset.tab));for(let n of At("#modules-table th[data-sort]"))n.addEventListener("click",()=>{let e=n.dataset.sort;C.sort={key:e,dir:C.sort.key===e?-C.sort.dir:e==="path"?1:-1},In()});if($("#modules-table tbody").addEventListener("click",n=>{let e=n.target.closest("button.expand");e&&ri(e.closest("tr").dataset.path)}),$("#collapse-all").addEventListener("click",()=>{C.expanded.clear(),Ee(!0),In()}),Et=be($("#network-canvas"),{tooltip:$("#network-tooltip"),describe:n=>`${n.label} \xB7 module ${n.leaf.path.split(":").slice(0,-1).join(":")} \xB7 flow ${Cn(n.leaf.flow)}`}),Qt=be($("#module-canvas"),{tooltip:$("#module-tooltip"),describe:n=>n.unit.children?`module ${n.unit.path} \xB7 flow ${Cn(n.unit.flow)} \xB7 ${n.unit.size} nodes \xB7 ${En(n.unit,3).map(e=>e.name).join(", ")}`:`${n.unit.name} \xB7 flow ${Cn(n.unit.flow)}`,onClick:n=>ri(n.unit.path),collide:!0}),$("#fit-network").addEventListener("click",()=>Et.fit()),$("#fit-modules").addEventListener("click",()=>Qt.fit()),$("#api-key").value=Rn(),$("#api-key").addEventListener("change",n=>Se(n.target.value.trim())),C.caps=await Ce(),$("#server-info").textContent=`server ${C.caps.version}${C.caps.jobs?" \xB7 jobs":""}`,!C.caps.jobs)for(let n of At("#run-mode option"))n.value==="job"&&(n.disabled=!0);C.caps.vectors||($("#vectors-unavailable").hidden=!1,$("#vectors-form").hidden=!0),document.body.dataset.ready="true"}window.mapeq={state:C,networkLabels:()=>Et.labels(),moduleLinks:()=>Qt.drawnLinks(),networkLinks:()=>Et.drawnLinks(),networkPosition:t=>Et.screenPosition(t)};ku();
